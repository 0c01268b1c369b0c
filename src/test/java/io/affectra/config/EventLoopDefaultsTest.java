package io.affectra.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventLoopDefaultsTest {

    @Inject
    Vertx vertx;

    @Test
    void halfTheCoresAndAtLeastOne() {
        assertEquals(1, EventLoopDefaults.eventLoops(1));
        assertEquals(1, EventLoopDefaults.eventLoops(2));
        assertEquals(1, EventLoopDefaults.eventLoops(3));
        assertEquals(4, EventLoopDefaults.eventLoops(8));
        assertEquals("4", new EventLoopDefaults(8).getValue(EventLoopDefaults.PROPERTY));
    }

    @Test
    void anyOtherSourceWins() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EventLoopDefaults(16), new PropertiesConfigSource(Map.of(EventLoopDefaults.PROPERTY, "3"), "operator", 100))
                .build();
        assertEquals(3, config.getValue(EventLoopDefaults.PROPERTY, Integer.class));
    }

    @Test
    void theServerRunsThatManyEventLoops() {
        int loops = 0;
        for (var ignored : ((VertxInternal) vertx).getEventLoopGroup()) {
            loops++;
        }
        assertEquals(EventLoopDefaults.eventLoops(Runtime.getRuntime().availableProcessors()), loops);
    }
}
