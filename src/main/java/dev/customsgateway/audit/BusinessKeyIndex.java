package dev.customsgateway.audit;

import dev.customsgateway.core.Masking;
import dev.customsgateway.core.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Indexes the business keys of every signed message and customs receipt in the message log (orderNo, logisticsNo,
 * invtNo, copNo, preNo, billNo, a UK declaration's LRN) so the console and the compliance API find a message by any
 * number a customs officer or a partner quotes. It follows the log by position ({@code console_index_cursor}; the
 * tables keep the console's name, where the index began) and catches up before each search. The buyer's name is
 * indexed masked only, for lists; it is never searchable.
 */
@Component
public class BusinessKeyIndex {

    private static final Logger LOG = LoggerFactory.getLogger(BusinessKeyIndex.class);
    private static final int BATCH = 500;
    /** Element local name in the customs XML → the key it is filed under. */
    private static final Map<String, String> KEYS = Map.of("orderNo", "orderNo", "logisticsNo", "logisticsNo",
            "invtNo", "invtNo", "copNo", "copNo", "preNo", "preNo", "billNo", "billNo", "LRN", "LRN",
            "FunctionalReferenceID", "LRN");

    private final JdbcClient jdbc;
    private final ContentStore store;
    private final TransactionTemplate tx;

    BusinessKeyIndex(JdbcClient jdbc, ContentStore store, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.store = store;
        this.tx = tx;
    }

    /** Reads the log entries written since the last call, batch by batch, and files their keys. */
    public synchronized void catchUp() {
        while (Boolean.TRUE.equals(tx.execute(status -> batch()))) {
            // next batch
        }
    }

    private boolean batch() {
        long cursor = jdbc.sql("select seq from console_index_cursor where id = 1 for update").query(Long.class)
                .single();
        List<Object[]> entries = jdbc.sql("""
                select seq, guid, artefact_kind, artefact_sha256 from message_log
                where seq > ? order by seq limit ?""").params(cursor, BATCH)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .list();
        if (entries.isEmpty()) {
            return false;
        }
        for (Object[] e : entries) {
            String guid = (String) e[1];
            String kind = (String) e[2];
            if (guid != null && e[3] != null && ("signed-xml".equals(kind) || "receipt".equals(kind))) {
                index(guid, (String) e[3]);
            }
        }
        jdbc.sql("update console_index_cursor set seq = ? where id = 1").param(entries.get(entries.size() - 1)[0])
                .update();
        return entries.size() == BATCH;
    }

    private void index(String guid, String sha256) {
        Document document;
        try (InputStream in = store.open(sha256)) {
            document = SecureXml.parse(in);
        } catch (ArtefactShreddedException | ArtefactTamperedException | java.nio.file.NoSuchFileException
                | SAXException e) {
            // an artefact that is gone (retention), altered (verify-log reports it) or not XML has no keys to
            // offer; the log entry stays
            LOG.debug("artefact {} of {} not indexed: {}", sha256, guid, e.toString());
            return;
        } catch (IOException e) {
            // anything else (a read error, a wrong master key) must not advance the cursor past this message:
            // the batch rolls back and the next search tries again
            throw new java.io.UncheckedIOException("cannot index artefact " + sha256 + " of " + guid, e);
        }
        Set<String[]> keys = new LinkedHashSet<>();
        NodeList all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            String name = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
            String value = element.getTextContent().strip();
            if (value.isEmpty() || value.length() > 100 || element.getElementsByTagNameNS("*", "*").getLength() > 0) {
                continue;
            }
            if (KEYS.containsKey(name)) {
                keys.add(new String[] {KEYS.get(name), value});
            } else if ("buyerName".equals(name)) {
                keys.add(new String[] {"buyer", Masking.mask(value)});
            }
        }
        for (String[] key : keys) {
            insert(guid, key[0], key[1]);
        }
    }

    private void insert(String guid, String name, String value) {
        try {
            jdbc.sql("""
                    insert into console_business_key (guid, key_name, key_value)
                    select ?, ?, ? where not exists (select 1 from console_business_key
                        where guid = ? and key_name = ? and key_value = ?)""")
                    .params(guid, name, value, guid, name, value).update();
        } catch (DuplicateKeyException e) {
            // another node filed the same key a moment ago
        }
    }
}
