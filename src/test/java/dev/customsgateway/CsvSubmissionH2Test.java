package dev.customsgateway;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The end-to-end CSV path on the embedded defaults (H2 file database). */
class CsvSubmissionH2Test extends GatewayIntegrationTest implements CsvSubmissionScenarios {

    @Autowired
    private JdbcClient jdbc;

    @Override
    public String baseUrl() {
        return super.baseUrl();
    }

    @Override
    public Path dataDir() {
        return DATA_DIR;
    }

    @Override
    public JdbcClient jdbc() {
        return jdbc;
    }
}
