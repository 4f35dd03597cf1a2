package dev.customsgateway.signing;

import dev.customsgateway.core.GatewayCommand;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code verify FILE --cert PEM [--allow-compat=true]}: verifies a signed customs message against the certificate
 * the operator trusts for its sender (never the one inside the file). Prints {@code OK} and exits 0, or the reason
 * and exits 1.
 */
@Component
class VerifyCommand implements GatewayCommand {

    private final XmlSignatureVerifier verifier;
    private final Environment environment;

    VerifyCommand(XmlSignatureVerifier verifier, Environment environment) {
        this.verifier = verifier;
        this.environment = environment;
    }

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String summary() {
        return "verify FILE --cert=PEM [--allow-compat=true]: check a signature with a trusted certificate";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CommandArguments arguments = CommandArguments.parse(args, Set.of("cert", "allow-compat"), environment);
        X509Certificate trusted = Certificates.read(Path.of(arguments.required("cert")));
        Set<SignatureProfile> allowed = EnumSet.copyOf(XmlSignatureVerifier.DEFAULT_ALLOWED);
        if (Boolean.parseBoolean(arguments.option("allow-compat", "false"))) {
            allowed.add(SignatureProfile.CN_SM2_COMPAT);
        }
        try {
            var verified = verifier.verify(Files.readAllBytes(Path.of(arguments.file())), trusted, allowed);
            out.println("OK " + verified);
            return 0;
        } catch (SignatureRejectedException e) {
            out.println("REJECTED " + e.getMessage());
            return 1;
        }
    }
}
