package dev.customsgateway.delivery;

import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/**
 * Finds out why an HTTPS connection closed without an answer. With TLS 1.3 the server checks the client
 * certificate only after the client has finished its side of the handshake, so a refused (or missing) client
 * certificate reaches the HTTP client as "no bytes received"; this probe repeats the handshake on a plain
 * socket with the same TLS settings and reads the server's alert (e.g. {@code certificate_required},
 * {@code bad_certificate}), so the attempt is recorded with the real reason. Used by {@link HttpTransport}
 * after such a failure only.
 */
final class TlsProbe {

    private static final int TIMEOUT_MS = 2000;
    private static final String CLOSED = "TLS failure: the server closed the connection right after the handshake "
            + "(client certificate missing or refused?)";

    private TlsProbe() {
    }

    /** The TLS failure in words, or null when the server keeps the connection open (not a TLS problem). */
    static String reason(SSLContext context, URI uri) {
        int port = uri.getPort() == -1 ? 443 : uri.getPort();
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            try {
                socket.connect(new java.net.InetSocketAddress(uri.getHost(), port), TIMEOUT_MS);
            } catch (IOException e) {
                return null; // down or unreachable: not a TLS problem, the transport reports the network error
            }
            socket.setSoTimeout(TIMEOUT_MS);
            socket.startHandshake();
            // a server that accepted us now waits for a request; one that refused our certificate sends its alert
            return socket.getInputStream().read() == -1 ? CLOSED : null;
        } catch (SSLException e) {
            return "TLS failure: " + e.getClass().getSimpleName() + " " + e.getMessage();
        } catch (SocketTimeoutException e) {
            return null;
        } catch (SocketException e) {
            return CLOSED;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
