package io.affectra.work;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name of this replica: {@code affectra.work.replica-id}, else the host name and the process id. */
@ApplicationScoped
public class ReplicaId {

    private final String id;

    public ReplicaId(WorkConfig config) {
        this.id = config.replicaId().filter(s -> !s.isBlank()).orElseGet(ReplicaId::hostAndPid);
    }

    public String get() {
        return id;
    }

    private static String hostAndPid() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
