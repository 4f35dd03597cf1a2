package dev.customsgateway.intake.format;

import dev.customsgateway.core.SourceRecord;
import java.io.Closeable;
import java.util.Iterator;

/**
 * Reads a merchant file record by record, streaming: only the current record is in memory. A fault of the
 * file as a whole (undecodable bytes, broken structure, a limit exceeded) is thrown as
 * {@link dev.customsgateway.core.FileFault} from {@link #hasNext()} or {@link #next()}, naming where it is.
 */
public interface RecordReader extends Iterator<SourceRecord>, Closeable {
}
