package dev.customsgateway.receipts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The receipt callback's mutual-TLS port ({@code gateway.receipts.callback-tls}): an extra Tomcat HTTPS connector
 * that completes no handshake without a client certificate chaining to its trust store, and serves nothing but
 * {@code /api/v1/receipts/} (anything else there is 404). {@link ReceiptController} then matches the verified
 * certificate's subject to the source. Without the setting there is no such port.
 */
@Component
class ReceiptTlsConnector extends OncePerRequestFilter
        implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    static final String CALLBACK_PATH = "/api/v1/receipts/";

    private final ReceiptProperties.CallbackTls settings;
    private volatile Connector connector;

    ReceiptTlsConnector(ReceiptProperties properties) {
        this.settings = properties.callbackTls();
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (settings == null) {
            return;
        }
        Connector tls = new Connector(Http11NioProtocol.class.getName());
        tls.setScheme("https");
        tls.setSecure(true);
        tls.setPort(settings.port());
        ((Http11NioProtocol) tls.getProtocolHandler()).setSSLEnabled(true);
        SSLHostConfig host = new SSLHostConfig();
        host.setCertificateVerification("required");
        host.setTruststoreFile(settings.trustStore().toAbsolutePath().toString());
        host.setTruststorePassword(password(settings.trustStorePasswordFile()));
        host.setTruststoreType("PKCS12");
        SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(host, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystoreFile(settings.keyStore().toAbsolutePath().toString());
        certificate.setCertificateKeystorePassword(password(settings.keyStorePasswordFile()));
        certificate.setCertificateKeystoreType("PKCS12");
        host.addCertificate(certificate);
        tls.addSslHostConfig(host);
        factory.addAdditionalConnectors(tls);
        connector = tls;
    }

    /** The port the connector listens on (after start; -1 when there is none). */
    int port() {
        Connector c = connector;
        return c == null ? -1 : c.getLocalPort();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return connector == null || request.getLocalPort() != port();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!request.getRequestURI().startsWith(CALLBACK_PATH)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }

    private static String password(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("gateway.receipts.callback-tls: cannot read the password file " + file, e);
        }
    }
}
