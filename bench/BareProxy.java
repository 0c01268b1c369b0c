import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The floor of the gateway benchmark: the least a JVM proxy on Vert.x can do for a chat completion. It forwards the body
 * to the stub as it came and relays the reply (a stream chunk by chunk) with no parsing, no model routing, no metrics,
 * no retries, no error handling. The same transport and event-loop count as Affectra (epoll, one loop per two cores),
 * so the latency it adds on this machine is what any such proxy costs here, and what Affectra adds above it is its own.
 *
 *   java -cp "target/quarkus-app/lib/main/*" bench/BareProxy.java PORT STUB_PORT
 */
public class BareProxy {

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int stubPort = Integer.parseInt(args[1]);
        int loops = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops).setPreferNativeTransport(true));
        vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start() {
                HttpClient client = vertx.httpClientBuilder()
                        .with(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true))
                        .with(new PoolOptions().setHttp1MaxSize(64))
                        .build();
                vertx.createHttpServer(new HttpServerOptions().setTcpNoDelay(true)).requestHandler(request -> request.body().onSuccess(body -> {
                    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(stubPort)
                            .setURI(request.uri()).putHeader("content-type", "application/json");
                    client.request(options).compose(forward -> forward.send(body)).onSuccess(reply -> {
                        HttpServerResponse response = request.response();
                        String type = reply.getHeader("content-type");
                        response.putHeader("content-type", type);
                        if (type != null && type.startsWith("text/event-stream")) {
                            response.setChunked(true);
                            reply.handler(response::write);
                            reply.endHandler(end -> response.end());
                        } else {
                            reply.body().onSuccess(response::end);
                        }
                    });
                })).listen(port, "127.0.0.1");
            }
        }, new DeploymentOptions().setInstances(loops));
        System.out.println("bare proxy listening on 127.0.0.1:" + port + " -> 127.0.0.1:" + stubPort + " (" + loops + " event loops)");
    }
}
