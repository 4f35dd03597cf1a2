package dev.customsgateway.audit;

import java.nio.file.Path;

/**
 * {@link EvidenceChainTest} on PostgreSQL (the production profile): the queries that gather a message's entries
 * and page through its links, and the hash formats, as PostgreSQL stores and returns the rows. Empties the test
 * database first, like {@link ChainPostgresTest}.
 */
class EvidenceChainPostgresTest extends EvidenceChainTest {

    @Override
    AuditFixture open(Path dir) throws Exception {
        return new AuditFixture(dir, null, null, 4, ChainPostgresTest.required("GATEWAY_TEST_POSTGRES_URL"),
                ChainPostgresTest.required("GATEWAY_TEST_POSTGRES_USER"),
                ChainPostgresTest.required("GATEWAY_TEST_POSTGRES_PASSWORD"), true);
    }
}
