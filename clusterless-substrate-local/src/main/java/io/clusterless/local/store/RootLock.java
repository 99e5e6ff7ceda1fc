package io.clusterless.local.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One process runs a local root at a time: the store's conditional writes lock in-process only, and at start every
 * {@code running} arc state found is known to be left by a dead run. The operating system drops the lock when the
 * process dies, so a {@code kill -9} never leaves the root locked.
 */
public final class RootLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private RootLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws IllegalStateException if another process holds the root */
    public static RootLock acquire(Path root) {
        try {
            Files.createDirectories(root);
            FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("another cls local run is using " + root
                        + "; stop it or pass another --local-root");
            }
            return new RootLock(channel, lock);
        } catch (IOException e) {
            throw new IllegalStateException("cannot lock the local root " + root + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the process is ending; the operating system releases the lock anyway
        }
    }
}
