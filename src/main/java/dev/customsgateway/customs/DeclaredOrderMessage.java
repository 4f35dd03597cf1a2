package dev.customsgateway.customs;

import dev.customsgateway.audit.ContentStore;
import dev.customsgateway.core.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The import order (CEB311) declared through this gateway for an order number, read back from the content store,
 * so that the waybill and the inventory list of the same order can be checked against it as customs does:
 * consignee name, phone and address equal between order and waybill; goods lines (gnum sequence and item) equal
 * between order and inventory list.
 */
@Component
class DeclaredOrderMessage implements OrderMessages {

    private static final String CEB = "http://www.chinaport.gov.cn/ceb";

    private final JdbcClient jdbc;
    private final ContentStore store;

    DeclaredOrderMessage(JdbcClient jdbc, ContentStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    @Override
    public Optional<OrderMessage> find(String orderNo) {
        return jdbc.sql("""
                select content_sha256 from outbox_message where message_type = 'CEB311' and order_no = ?
                  and state <> 'DEAD' order by id desc limit 1""")
                .param(orderNo).query(String.class).optional().map(this::read);
    }

    private OrderMessage read(String sha256) {
        try (InputStream in = store.open(sha256)) {
            Document doc = SecureXml.parse(in);
            Element head = (Element) doc.getElementsByTagNameNS(CEB, "OrderHead").item(0);
            List<Line> lines = new ArrayList<>();
            var list = doc.getElementsByTagNameNS(CEB, "OrderList");
            for (int i = 0; i < list.getLength(); i++) {
                Element l = (Element) list.item(i);
                lines.add(new Line(Integer.parseInt(text(l, "gnum")), text(l, "itemNo"), text(l, "itemName")));
            }
            return new OrderMessage(text(head, "consignee"), text(head, "consigneeTelephone"),
                    text(head, "consigneeAddress"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            throw new IllegalStateException("a stored CEB311 cannot be read back", e);
        }
    }

    private static String text(Element parent, String name) {
        var nodes = parent.getElementsByTagNameNS(CEB, name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }

    /** What the other messages of an order must agree with. */
    record OrderMessage(String consignee, String consigneePhone, String consigneeAddress, List<Line> lines) {
    }

    /** One goods line of the order message. */
    record Line(int gnum, String itemNo, String itemName) {
    }
}
