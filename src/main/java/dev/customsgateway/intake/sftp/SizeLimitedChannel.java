package dev.customsgateway.intake.sftp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * A file channel that refuses writes past a size limit. SFTP writes carry their own offsets, so the check is
 * on the end of each write, not on a running count. The first breach calls back once (for the notice).
 */
final class SizeLimitedChannel implements SeekableByteChannel {

    private final SeekableByteChannel delegate;
    private final long limit;
    private final String sessionPath;
    private final Runnable onFirstBreach;
    private volatile boolean breached;

    SizeLimitedChannel(SeekableByteChannel delegate, long limit, String sessionPath, Runnable onFirstBreach) {
        this.delegate = delegate;
        this.limit = limit;
        this.sessionPath = sessionPath;
        this.onFirstBreach = onFirstBreach;
    }

    boolean breached() {
        return breached;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (delegate.position() + src.remaining() > limit) {
            if (!breached) {
                breached = true;
                onFirstBreach.run();
            }
            throw new SftpRefusal(sessionPath, "file too large: the limit is " + limit + " bytes; upload refused");
        }
        return delegate.write(src);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return delegate.read(dst);
    }

    @Override
    public long position() throws IOException {
        return delegate.position();
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        delegate.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return delegate.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) throws IOException {
        delegate.truncate(size);
        return this;
    }

    @Override
    public boolean isOpen() {
        return delegate.isOpen();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
