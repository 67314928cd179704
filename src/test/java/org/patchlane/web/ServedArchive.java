package org.patchlane.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.patchlane.ingest.Analyzer;
import org.patchlane.store.Archive;
import org.patchlane.store.Searcher;
import org.patchlane.store.StoredMessage;
import org.patchlane.thread.Post;
import org.patchlane.thread.SeriesUpdate;

/**
 * Hand-written mails stored, threaded and committed as ingest does it, in a temporary archive, and served on a free
 * port by the app the caller builds over its searcher: the common part of the web tests' fixtures.
 */
final class ServedArchive implements AutoCloseable {
    /** One mail as the list that received it delivered it. */
    record Mail(String list, String text) {
    }

    final Archive archive;
    final Searcher searcher;
    final App app;
    final String base;

    private ServedArchive(Archive archive, Searcher searcher, App app) {
        this.archive = archive;
        this.searcher = searcher;
        this.app = app;
        this.base = "http://127.0.0.1:" + app.start("127.0.0.1", 0).port();
    }

    static ServedArchive of(Path dir, List<Mail> mails) throws IOException {
        return of(dir, mails, App::new);
    }

    static ServedArchive of(Path dir, List<Mail> mails, Function<Searcher, App> appOf) throws IOException {
        Archive archive = Archive.open(dir);
        List<Post> posts = new ArrayList<>();
        for (Mail mail : mails) {
            StoredMessage m = Analyzer.analyze(mail.text().getBytes(StandardCharsets.UTF_8), null, false, mail.list());
            archive.add(m);
            posts.add(m.post());
        }
        SeriesUpdate.apply(posts, archive.posts(), archive::replaceSeries);
        archive.commit(Map.of());
        Searcher searcher = archive.searcher();
        // The near-real-time searcher refreshes lazily; the tests want every message at once.
        searcher.refresh();
        return new ServedArchive(archive, searcher, appOf.apply(searcher));
    }

    /** Mails all delivered by one list. */
    static List<Mail> on(String list, String... texts) {
        return java.util.Arrays.stream(texts).map(t -> new Mail(list, t)).toList();
    }

    @Override
    public void close() throws IOException {
        app.stop();
        searcher.close();
        archive.close();
    }
}
