package dev.customsgateway.signing;

import dev.customsgateway.core.GatewayCommand;
import dev.customsgateway.core.SecureXml;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;

/**
 * {@code sign FILE --alias A [--profile P] [--out F]}: signs a customs message with a key from the gateway's key
 * store, as the pipeline would, and writes it beside the input ({@code FILE.signed.xml}) unless told otherwise.
 */
@Component
class SignCommand implements GatewayCommand {

    /** Export messages carry the signature before ExtendMessage (EXP22); all others last. */
    private static final Pattern EXPORT = Pattern.compile("CEB(213|215|303|403|505|507|509|603|605|607|701)Message");

    private final XmlSigner signer;
    private final Environment environment;

    SignCommand(XmlSigner signer, Environment environment) {
        this.signer = signer;
        this.environment = environment;
    }

    @Override
    public String name() {
        return "sign";
    }

    @Override
    public String summary() {
        return "sign FILE --alias=A [--profile=CN_SM2_SM3] [--out=F]: sign a customs message";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CommandArguments arguments = CommandArguments.parse(args, Set.of("alias", "profile", "out"), environment);
        Path file = Path.of(arguments.file());
        Path target = Path.of(arguments.option("out", file + ".signed.xml"));
        String alias = arguments.required("alias");
        SignatureProfile profile = SignatureProfile.named(arguments.option("profile", null));
        Document document;
        try (InputStream in = Files.newInputStream(file)) {
            document = SecureXml.parse(in);
        }
        boolean export = EXPORT.matcher(document.getDocumentElement().getLocalName()).matches();
        signer.sign(document, alias, profile, export);
        Files.write(target, SecureXml.serialize(document));
        out.println("signed " + file + " -> " + target + " with " + profile + " (key '" + alias + "')");
        return 0;
    }
}
