package org.tipline.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The least an SMTP server can do: accept every mail and count it. A benchmark of the outbox measures how fast
 * the service hands mail over, which a full test mail server (parsing, mailboxes per recipient) would hide.
 */
final class SmtpSink implements AutoCloseable {

    private ServerSocket server;
    private final int port;
    private final java.util.Set<Socket> sessions = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private final java.util.Map<String, Integer> copiesByMessageId = new java.util.concurrent.ConcurrentHashMap<>();

    SmtpSink() throws IOException {
        server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        port = server.getLocalPort();
        accept();
    }

    int port() {
        return port;
    }

    /** An outage: refuses connections and drops the open ones, until {@link #restart()}. */
    void stop() throws IOException {
        server.close();
        for (Socket session : sessions) {
            session.close();
        }
    }

    /** Back on the same port, counting on. */
    void restart() throws IOException {
        server = new ServerSocket(port, 64, InetAddress.getLoopbackAddress());
        accept();
    }

    private void accept() {
        Thread acceptor = new Thread(this::acceptLoop, "smtp-sink");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    long accepted() {
        return accepted.get();
    }

    /** Mails accepted with a Message-ID seen before: the copies a sender sent twice. */
    long duplicates() {
        return copiesByMessageId.values().stream().mapToLong(copies -> copies - 1).sum();
    }

    long distinct() {
        return copiesByMessageId.size();
    }

    private void acceptLoop() {
        ServerSocket listening = server;
        while (!listening.isClosed()) {
            try {
                Socket connection = listening.accept();
                sessions.add(connection);
                Thread session = new Thread(() -> serve(connection), "smtp-sink-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection; BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                StandardCharsets.US_ASCII)); OutputStream out = connection.getOutputStream()) {
            connection.setTcpNoDelay(true);
            reply(out, "220 sink ready");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "DATA" -> {
                        reply(out, "354 end with .");
                        String messageId = null;
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the mail itself is not kept, only its Message-ID
                            if (messageId == null && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                                messageId = line.substring(11).trim();
                            }
                        }
                        accepted.incrementAndGet();
                        copiesByMessageId.merge(messageId == null ? "none-" + accepted.get() : messageId, 1, Integer::sum);
                        reply(out, "250 accepted");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok");
                }
            }
        } catch (IOException ended) {
            // the client went away
        } finally {
            sessions.remove(connection);
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
