package org.textvae.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.textvae.TextvaeException;

/**
 * The source files of each poetry collection, read from the npm package either unpacked (a folder
 * holding {@code dist/}, or its parent) or as the {@code .tgz} that {@code npm pack} downloads.
 * Files come back in a fixed order, by the number in their name, so the output never depends on
 * directory listing or archive order.
 */
final class PoetryPackage {

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    /** Sorts poet.tang.2000.json after poet.tang.1000.json, not by string. */
    static final Comparator<SourceFile> ORDER =
            Comparator.comparingLong((SourceFile f) -> number(f.path()))
                    .thenComparing(SourceFile::path);

    /** One JSON file of the package, by its path relative to the package root. */
    record SourceFile(String path, byte[] content) {}

    private PoetryPackage() {}

    /** Returns the files of each requested collection, each list in its fixed order. */
    static Map<PoetryCollection, List<SourceFile>> load(
            Path location, List<PoetryCollection> collections) {
        Map<PoetryCollection, List<SourceFile>> files = new EnumMap<>(PoetryCollection.class);
        collections.forEach(c -> files.put(c, new ArrayList<>()));
        if (Files.isDirectory(location)) {
            loadFolder(root(location), files);
        } else if (Files.isRegularFile(location)) {
            loadArchive(location, files);
        } else {
            throw new TextvaeException(
                    TextvaeException.Kind.IO,
                    location
                            + ": no such file or folder; give the chinese-poetry .tgz or its"
                            + " unpacked folder");
        }
        for (Map.Entry<PoetryCollection, List<SourceFile>> entry : files.entrySet()) {
            if (entry.getValue().isEmpty()) {
                throw new TextvaeException(
                        TextvaeException.Kind.INPUT,
                        location
                                + ": no "
                                + entry.getKey().label()
                                + " files found; is this"
                                + " the chinese-poetry npm package?");
            }
            entry.getValue().sort(ORDER);
        }
        return files;
    }

    /**
     * Returns the files whose path relative to the package root passes {@code wanted}, in the fixed
     * order; {@code what} names them in the error for a package that has none.
     */
    static List<SourceFile> loadMatching(Path location, String what, Predicate<String> wanted) {
        List<SourceFile> found = new ArrayList<>();
        if (Files.isDirectory(location)) {
            walkFolder(root(location), wanted, found::add);
        } else if (Files.isRegularFile(location)) {
            TarGzReader.read(location, name -> wanted.test(stripTop(name)))
                    .forEach((name, content) -> found.add(new SourceFile(stripTop(name), content)));
        } else {
            throw new TextvaeException(
                    TextvaeException.Kind.IO,
                    location + ": no such file or folder; give the npm package's .tgz or folder");
        }
        if (found.isEmpty()) {
            throw new TextvaeException(
                    TextvaeException.Kind.INPUT,
                    location + ": no " + what + " found; is this the right npm package?");
        }
        found.sort(ORDER);
        return found;
    }

    /** Accepts both the package folder and the folder npm unpacks it into. */
    private static Path root(Path folder) {
        if (!Files.isDirectory(folder.resolve("dist"))
                && Files.isDirectory(folder.resolve("package/dist"))) {
            return folder.resolve("package");
        }
        return folder;
    }

    private static void loadFolder(Path root, Map<PoetryCollection, List<SourceFile>> files) {
        walkFolder(
                root,
                relative -> collectionOf(relative, files) != null,
                file ->
                        files.keySet().stream()
                                .filter(c -> c.contains(file.path()))
                                .forEach(c -> files.get(c).add(file)));
    }

    /** Reads the files under {@code dist/} (three levels deep at most) that pass {@code wanted}. */
    private static void walkFolder(
            Path root, Predicate<String> wanted, java.util.function.Consumer<SourceFile> sink) {
        if (!Files.isDirectory(root.resolve("dist"))) {
            return; // not the package: reported as such once nothing wanted was found
        }
        try (Stream<Path> walk = Files.walk(root.resolve("dist"), 3)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (wanted.test(relative)) {
                    sink.accept(new SourceFile(relative, Files.readAllBytes(file)));
                }
            }
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO, root + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static void loadArchive(Path tgz, Map<PoetryCollection, List<SourceFile>> files) {
        Map<String, byte[]> entries =
                TarGzReader.read(tgz, name -> collectionOf(stripTop(name), files) != null);
        entries.forEach(
                (name, content) -> {
                    String relative = stripTop(name);
                    files.get(collectionOf(relative, files)).add(new SourceFile(relative, content));
                });
    }

    /** npm tarballs put everything under one top folder, normally {@code package/}. */
    private static String stripTop(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }

    private static PoetryCollection collectionOf(
            String relative, Map<PoetryCollection, List<SourceFile>> files) {
        for (PoetryCollection collection : files.keySet()) {
            if (collection.contains(relative)) {
                return collection;
            }
        }
        return null;
    }

    private static long number(String path) {
        Matcher m = NUMBER.matcher(path.substring(path.lastIndexOf('/') + 1));
        return m.find() ? Long.parseLong(m.group()) : Long.MAX_VALUE;
    }
}
