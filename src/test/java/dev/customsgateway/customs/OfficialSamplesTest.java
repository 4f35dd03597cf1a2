package dev.customsgateway.customs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customsgateway.core.OfficialSchemas;
import dev.customsgateway.core.SecureXml;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.transform.dom.DOMSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * The authority's own sample messages against the schemas as the gateway compiles them (import and export
 * apart): every sample parses through the secure parser, and validates, except the samples the notes list as
 * defective, which must fail (so a schema set-up that accepts anything cannot pass).
 */
class OfficialSamplesTest {

    private static final Path SAMPLES = Path.of("src/test/resources/fixtures/official/202205");
    private static final Set<String> DEFECTIVE = Set.of("CEB303Message.xml", "CEB403Message.xml", "CEB507Message.xml",
            "CEB603Message.xml", "CEB605Message.xml", "CEB214Message_.xml", "CEB792Message.xml");
    private static final OfficialSchemas SCHEMAS = schemas();

    static Stream<Path> samples() throws Exception {
        try (Stream<Path> files = Stream.concat(Files.list(SAMPLES.resolve("import")), Files.list(SAMPLES.resolve("export")))) {
            List<Path> all = files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
            assertThat(all).hasSizeGreaterThanOrEqualTo(25);
            return all.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theAuthoritysSamplesValidateExceptTheKnownDefects(Path sample) throws Exception {
        Document document;
        try (InputStream in = Files.newInputStream(sample)) {
            document = SecureXml.parse(in);
        }
        String set = "ceb-202205-" + sample.getParent().getFileName();
        if (DEFECTIVE.contains(sample.getFileName().toString())) {
            assertThatThrownBy(() -> SCHEMAS.get(set).newValidator().validate(new DOMSource(document)))
                    .isInstanceOf(SAXException.class);
        } else {
            SCHEMAS.get(set).newValidator().validate(new DOMSource(document));
        }
    }

    private static OfficialSchemas schemas() {
        try {
            return new OfficialSchemas();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
