package io.clusterless.local.store;

import io.clusterless.engine.store.ListPage;
import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.store.ObjectStoreException;
import io.clusterless.engine.store.StoredObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The object store of the local substrate: {@code s3://B/K} is the plain file {@code buckets/B/K}, so users read
 * datasets, manifests and arc state with {@code ls} and {@code cat}.
 * <p>
 * Every write goes to a temporary file first and becomes visible in one step (a rename, or a hard link for
 * create-if-absent), so a {@code kill -9} never leaves half a manifest or state object at its key. Replace-if-match
 * and delete-if-match compare ETags (the MD5 of the content, as S3 gives for single-part objects) under a per-key
 * lock; one process owns a local root at a time (see {@link RootLock}), so an in-process lock is enough.
 * <p>
 * Nothing outside the buckets folder is read or written through a symbolic link ({@link InsideRoot}): a link to a
 * file inside it is that file, a link leading out of it is skipped by listings (with a warning naming it) and
 * refused by reads, copies and writes.
 */
public final class FileObjectStore implements ObjectStore {
    private static final int LOCK_STRIPES = 256;

    private static final System.Logger LOG = System.getLogger(FileObjectStore.class.getName());

    private final Path buckets;
    private final InsideRoot inside;
    private final Path temp;
    private final Object[] locks = new Object[LOCK_STRIPES];

    /** @param root the local root; objects live under {@code root/buckets}, temporary files under {@code root/tmp} */
    public FileObjectStore(Path root) {
        this.buckets = root.resolve("buckets");
        this.temp = root.resolve("tmp");
        Arrays.setAll(locks, i -> new Object());
        try {
            Files.createDirectories(buckets);
            Files.createDirectories(temp);
        } catch (IOException e) {
            throw failure("cannot create the local root " + root, e);
        }
        this.inside = new InsideRoot(buckets);
    }

    /** The file holding {@code s3://bucket/key}. */
    public Path file(String bucket, String key) {
        checkName(bucket, key);
        return buckets.resolve(bucket).resolve(key);
    }

    public Path bucketsRoot() {
        return buckets;
    }

    /** How files under {@link #bucketsRoot()} are read without leaving it. */
    public InsideRoot inside() {
        return inside;
    }

    @Override
    public Optional<ObjectInfo> head(String bucket, String key) {
        return get(bucket, key).map(StoredObject::info);
    }

    @Override
    public Optional<StoredObject> get(String bucket, String key) {
        Path file = file(bucket, key);
        try (InsideRoot.Opened opened = inside.open(file)) {
            byte[] body = readAll(opened);
            return Optional.of(new StoredObject(new ObjectInfo(bucket, key, body.length,
                    opened.attributes().lastModifiedTime().toInstant(), etag(body)), body));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (InsideRoot.OutsideRootException e) {
            throw new ObjectStoreException(ObjectStoreException.Kind.OTHER, "s3://" + bucket + "/" + key + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                return Optional.empty();
            }
            throw failure("cannot read " + file, e);
        }
    }

    @Override
    public String put(String bucket, String key, byte[] body, String contentType) {
        Path file = file(bucket, key);
        synchronized (lock(bucket, key)) {
            moveInto(writeTemp(body), file);
        }
        return etag(body);
    }

    @Override
    public Optional<String> createIfAbsent(String bucket, String key, byte[] body, String contentType) {
        Path file = file(bucket, key);
        Path tmp = writeTemp(body);
        try {
            createParents(file);
            // A hard link fails when the name exists: the check and the write are one atomic step.
            try {
                Files.createLink(file, tmp);
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (e instanceof FileAlreadyExistsException) {
                    throw (FileAlreadyExistsException) e;
                }
                // no hard links on this file system: a rename that refuses an existing name, under the key's lock
                // (one process owns the root, see RootLock)
                synchronized (lock(bucket, key)) {
                    Files.move(tmp, file);
                }
            }
            return Optional.of(etag(body));
        } catch (FileAlreadyExistsException e) {
            return sameBytes(file, body);
        } catch (IOException e) {
            throw failure("cannot create " + file, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    @Override
    public Optional<String> replaceIfMatch(String bucket, String key, byte[] body, String contentType, String etag) {
        Path file = file(bucket, key);
        synchronized (lock(bucket, key)) {
            Optional<StoredObject> current = get(bucket, key);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            if (!current.get().info().etag().equals(etag)) {
                return Arrays.equals(current.get().body(), body) ? Optional.of(etag(body)) : Optional.empty();
            }
            moveInto(writeTemp(body), file);
            return Optional.of(etag(body));
        }
    }

    @Override
    public void delete(String bucket, String key) {
        Path file = file(bucket, key);
        synchronized (lock(bucket, key)) {
            try {
                if (!Files.isDirectory(file)) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw failure("cannot delete " + file, e);
            }
        }
    }

    /**
     * Atomic under the key's lock: every write that replaces the file and every delete takes it, and a
     * create-if-absent cannot succeed while the file exists, so the file compared is the file removed.
     */
    @Override
    public boolean deleteIfMatch(String bucket, String key, String etag) {
        Path file = file(bucket, key);
        synchronized (lock(bucket, key)) {
            Optional<StoredObject> current = get(bucket, key);
            if (current.isEmpty()) {
                return true;
            }
            if (!unquote(current.get().info().etag()).equals(unquote(etag))) {
                return false;
            }
            try {
                Files.deleteIfExists(file);
                return true;
            } catch (IOException e) {
                throw failure("cannot delete " + file, e);
            }
        }
    }

    private static String unquote(String etag) {
        return etag == null ? "" : etag.replace("\"", "");
    }

    @Override
    public ListPage list(String bucket, String prefix, String startAfter, String continuationToken, int maxKeys) {
        String after = continuationToken != null ? continuationToken : startAfter;
        List<String> keys = new ArrayList<>();
        Iterator<Listed> listed = walk(bucket, prefix, after);
        while (keys.size() <= maxKeys && listed.hasNext()) {
            keys.add(listed.next().key());
        }
        List<ObjectInfo> objects = new ArrayList<>();
        for (String key : keys.subList(0, Math.min(maxKeys, keys.size()))) {
            // a file deleted between the walk and the read is simply no longer listed
            head(bucket, key).ifPresent(objects::add);
        }
        String next = keys.size() > maxKeys ? keys.get(maxKeys - 1) : null;
        return new ListPage(objects, next);
    }

    /**
     * One ordered walk for the whole listing: paging through {@link #list} would read again, for every page, each
     * folder on the way to the page's first key (a year of lots is 105 pages over a folder of 105,120 lots). Every
     * entry is read for its ETag, so that the ETags are the objects' as listed (see {@link #listKeys}).
     */
    @Override
    public Stream<ObjectInfo> listAll(String bucket, String prefix, String startAfter) {
        // a file deleted between the walk and the read is simply no longer listed
        return stream(walk(bucket, prefix, startAfter)).map(listed -> head(bucket, listed.key()))
                .flatMap(Optional::stream);
    }

    /**
     * The walk of {@link #listAll} without reading any file: sizes and last-modified times are the file attributes
     * the walk reads anyway, and the ETag (the MD5 of the content) is null. Reading and hashing every file cost
     * about 1 s of CPU for a year of manifests (docs/benchmarks.md, status and gaps at scale).
     */
    @Override
    public Stream<ObjectInfo> listKeys(String bucket, String prefix, String startAfter) {
        return stream(walk(bucket, prefix, startAfter)).map(listed -> new ObjectInfo(bucket, listed.key(),
                listed.attributes().size(), listed.attributes().lastModifiedTime().toInstant(), null));
    }

    private Iterator<Listed> walk(String bucket, String prefix, String after) {
        Path bucketDir = buckets.resolve(bucket);
        String safePrefix = prefix == null ? "" : prefix;
        int slash = safePrefix.lastIndexOf('/');
        Path start = slash < 0 ? bucketDir : bucketDir.resolve(safePrefix.substring(0, slash));
        if (!Files.isDirectory(start)) {
            return Collections.emptyIterator();
        }
        return new OrderedKeys("s3://" + bucket + "/" + safePrefix, inside, start,
                slash < 0 ? "" : safePrefix.substring(0, slash + 1), safePrefix, after);
    }

    private static <T> Stream<T> stream(Iterator<T> iterator) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false);
    }

    /** A file found by a walk: its key and attributes (a symbolic link's are its target's). */
    private record Listed(String key, BasicFileAttributes attributes) {
    }

    /**
     * The files under a folder whose keys start with {@code prefix} and sort after {@code after}, in S3's lexical
     * key order, read lazily: a folder is read only when a key under it can qualify, and when the walk gets there.
     * Siblings are ordered by their key ({@code name/} for a folder): every key under a folder starts with it, so
     * folders and files interleave exactly as their keys do.
     */
    private static final class OrderedKeys implements Iterator<Listed> {
        private final String listing;
        private final InsideRoot inside;
        private final String prefix;
        private final String after;
        /** The folders being walked, innermost first. */
        private final Deque<Folder> folders = new ArrayDeque<>();
        private Listed next;

        /** A folder being walked: where it is, its key, and its entries that may matter, in key order. */
        private record Folder(Path dir, String key, Iterator<Entry> entries) {
        }

        /**
         * One entry of a folder: how its key ends after the folder's ({@code name/} for a folder; siblings sort by
         * this alone, their keys differ only there) and, for a file, its attributes. Kept small: a folder of lots
         * holds one entry per lot, all until the walk has passed them.
         */
        private record Entry(String name, BasicFileAttributes attributes) {
            private static final Comparator<Entry> BY_NAME = (a, b) -> a.name.compareTo(b.name);

            boolean isFolder() {
                return attributes == null;
            }

            String folderName() {
                return name.substring(0, name.length() - 1);
            }
        }

        /** @param listing what is listed, for error messages: {@code s3://bucket/prefix} */
        OrderedKeys(String listing, InsideRoot inside, Path dir, String dirKey, String prefix, String after) {
            this.listing = listing;
            this.inside = inside;
            this.prefix = prefix;
            this.after = after;
            folders.push(read(dir, dirKey));
        }

        @Override
        public boolean hasNext() {
            while (next == null && !folders.isEmpty()) {
                Folder folder = folders.peek();
                if (!folder.entries().hasNext()) {
                    folders.pop();
                    continue;
                }
                Entry child = folder.entries().next();
                String key = folder.key() + child.name();
                if (!child.isFolder()) {
                    next = new Listed(key, child.attributes()); // read() kept only files that are listed
                } else {
                    // read() kept only folders that may hold some
                    folders.push(read(folder.dir().resolve(child.folderName()), key));
                }
            }
            return next != null;
        }

        @Override
        public Listed next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Listed listed = next;
            next = null;
            return listed;
        }

        /** Whether a file's key is listed. */
        private boolean lists(String fileKey) {
            return fileKey.startsWith(prefix) && (after == null || fileKey.compareTo(after) > 0);
        }

        /** Whether a folder (its key ends with {@code /}) may hold a listed key. */
        private boolean mayHold(String folderKey) {
            boolean mayMatch = folderKey.startsWith(prefix) || prefix.startsWith(folderKey);
            // every key under the folder starts with its key: all sort before `after` unless it lies inside
            boolean allBefore = after != null && folderKey.compareTo(after) < 0 && !after.startsWith(folderKey);
            return mayMatch && !allBefore;
        }

        /**
         * A folder's listed files and the subfolders that may hold some, in key order. Only names that may matter
         * as a file or as a folder are looked at further, with one attribute read each, relative to the open folder
         * where the platform allows it (a full path is looked up again component by component, for every entry).
         */
        private Folder read(Path dir, String dirKey) {
            List<Entry> entries = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                SecureDirectoryStream<Path> relative = stream instanceof SecureDirectoryStream<Path> secure
                        ? secure : null;
                for (Path path : stream) {
                    Path name = path.getFileName();
                    String fileName = name.toString();
                    String key = dirKey + fileName;
                    String folderKey = key + "/";
                    boolean asFile = lists(key);
                    boolean asFolder = mayHold(folderKey);
                    if (!asFile && !asFolder) {
                        continue; // nothing under this name is listed, whatever it is
                    }
                    BasicFileAttributes attributes = attributes(relative, path, name);
                    if (attributes == null) {
                        continue; // gone since the folder was read, or a link to no regular file
                    }
                    if (attributes.isDirectory()) {
                        if (asFolder) {
                            entries.add(new Entry(fileName + "/", null));
                        }
                    } else if (asFile) {
                        entries.add(new Entry(fileName, attributes));
                    }
                }
            } catch (NoSuchFileException removed) {
                // deleted since its parent was read: nothing under it
            } catch (IOException e) {
                throw failure("cannot list " + listing, e);
            }
            entries.sort(Entry.BY_NAME);
            return new Folder(dir, dirKey, entries.iterator());
        }

        /**
         * A folder's or regular file's attributes; a symbolic link counts as the regular file it points to (a link
         * to a folder is not followed). Null for anything else, or when it is gone.
         */
        private BasicFileAttributes attributes(SecureDirectoryStream<Path> relative, Path path, Path name)
                throws IOException {
            try {
                BasicFileAttributes attributes = relative != null
                        ? relative.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                        .readAttributes()
                        : Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attributes.isSymbolicLink()) {
                    return linkedFile(path);
                }
                return attributes.isDirectory() || attributes.isRegularFile() ? attributes : null;
            } catch (NoSuchFileException gone) {
                return null;
            }
        }

        private BasicFileAttributes linkedFile(Path link) {
            try {
                if (!inside.isFileInside(link)) {
                    if (Files.exists(link)) {
                        LOG.log(System.Logger.Level.WARNING, "skipped {0}: a symbolic link to {1}, which is not a "
                                + "file inside the local root", link, link.toRealPath());
                    }
                    return null;
                }
                return Files.readAttributes(link, BasicFileAttributes.class);
            } catch (IOException dangling) {
                return null; // a link to nothing, or a loop
            }
        }
    }

    @Override
    public void copy(String sourceBucket, String sourceKey, String targetBucket, String targetKey) {
        Path source = file(sourceBucket, sourceKey);
        Path target = file(targetBucket, targetKey);
        Path tmp = temp.resolve(UUID.randomUUID().toString());
        try (InsideRoot.Opened opened = inside.open(source)) {
            Files.copy(Channels.newInputStream(opened.channel()), tmp);
        } catch (NoSuchFileException e) {
            throw new ObjectStoreException(ObjectStoreException.Kind.NOT_FOUND, "no object s3://" + sourceBucket + "/"
                    + sourceKey + " (" + source + ") to copy", e);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw failure("cannot copy s3://" + sourceBucket + "/" + sourceKey, e);
        }
        synchronized (lock(targetBucket, targetKey)) {
            moveInto(tmp, target);
        }
    }

    private Optional<String> sameBytes(Path file, byte[] body) {
        try (InsideRoot.Opened opened = inside.open(file)) {
            byte[] existing = readAll(opened);
            return Arrays.equals(existing, body) ? Optional.of(etag(body)) : Optional.empty();
        } catch (NoSuchFileException e) {
            // removed since it refused our link: the create was refused while it existed, as S3 would refuse it
            return Optional.empty();
        } catch (IOException e) {
            throw failure("cannot read " + file, e);
        }
    }

    private Path writeTemp(byte[] body) {
        Path tmp = temp.resolve(UUID.randomUUID().toString());
        try {
            Files.write(tmp, body);
            return tmp;
        } catch (IOException e) {
            throw failure("cannot write a temporary file in " + temp, e);
        }
    }

    private void moveInto(Path tmp, Path file) {
        try {
            createParents(file);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw failure("cannot write " + file, e);
        }
    }

    private void createParents(Path file) throws IOException {
        inside.createFolders(file.getParent());
    }

    private static byte[] readAll(InsideRoot.Opened opened) throws IOException {
        try (InputStream in = Channels.newInputStream(opened.channel())) {
            return in.readAllBytes();
        }
    }

    private Object lock(String bucket, String key) {
        return locks[Math.floorMod((bucket + "/" + key).hashCode(), LOCK_STRIPES)];
    }

    /** S3's ETag of a single-part object: the quoted hex MD5 of its bytes. */
    public static String etag(byte[] body) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    private static void checkName(String bucket, String key) {
        if (bucket == null || bucket.isEmpty() || bucket.contains("/") || bucket.startsWith(".")) {
            throw new IllegalArgumentException("not a bucket name: '" + bucket + "'");
        }
        if (key == null || key.isEmpty() || key.startsWith("/") || Arrays.asList(key.split("/")).contains("..")) {
            throw new IllegalArgumentException("not an object key the local store can hold: '" + key + "'");
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stray temporary file is harmless; the next start clears the folder
        }
    }

    private static ObjectStoreException failure(String message, Exception cause) {
        return new ObjectStoreException(ObjectStoreException.Kind.OTHER, message + ": " + cause.getMessage(), cause);
    }
}
