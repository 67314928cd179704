package org.patchlane.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.patchlane.mail.Address;
import org.patchlane.mail.BodyText;
import org.patchlane.mail.Mail;
import org.patchlane.mail.MailFlag;
import org.patchlane.patch.Analysis;
import org.patchlane.patch.Diff;
import org.patchlane.patch.FileDiff;
import org.patchlane.patch.Markers;
import org.patchlane.patch.MessageKind;
import org.patchlane.patch.SubjectTags;
import org.patchlane.patch.Symbols;
import org.patchlane.patch.Trailer;

/** Builds {@link StoredMessage}s directly from records, standing in for the mail and patch parsers. */
final class TestMessage {
    private final String id;
    private String subject = "a subject";
    private Address from = new Address("Ann Author", "ann@example.org");
    private final List<Address> to = new ArrayList<>();
    private final List<Address> cc = new ArrayList<>();
    private Instant date = Instant.parse("2026-11-02T10:00:00Z");
    private Instant envelope;
    private String own = "";
    private String quoted = "";
    private MessageKind kind = MessageKind.OTHER;
    private int version = 1;
    private int index = -1;
    private int total = -1;
    private final List<Trailer> trailers = new ArrayList<>();
    private Diff diff;
    private String changeId;
    private String baseCommit;
    private final Set<MailFlag> flags = EnumSet.noneOf(MailFlag.class);
    private String list = "linux-rdma";
    private boolean truncated;
    private final List<String> inReplyTo = new ArrayList<>();
    private final List<String> references = new ArrayList<>();
    private String raw;

    private TestMessage(String id) {
        this.id = id;
    }

    static TestMessage mail(String id) {
        return new TestMessage(id);
    }

    TestMessage subject(String s) { subject = s; return this; }
    TestMessage from(String name, String email) { from = new Address(name, email); return this; }
    TestMessage to(String name, String email) { to.add(new Address(name, email)); return this; }
    TestMessage cc(String name, String email) { cc.add(new Address(name, email)); return this; }
    TestMessage date(String iso) { date = iso == null ? null : Instant.parse(iso); return this; }
    TestMessage envelope(String iso) { envelope = Instant.parse(iso); return this; }
    TestMessage own(String text) { own = text; return this; }
    TestMessage quoted(String text) { quoted = text; return this; }
    TestMessage kind(MessageKind k) { kind = k; return this; }
    TestMessage counter(int v, int k, int n) { version = v; index = k; total = n; return this; }
    TestMessage changeId(String c) { changeId = c; return this; }
    TestMessage baseCommit(String b) { baseCommit = b; return this; }
    TestMessage flag(MailFlag f) { flags.add(f); return this; }
    TestMessage list(String l) { list = l; return this; }
    TestMessage truncated() { truncated = true; return this; }
    TestMessage inReplyTo(String mid) { inReplyTo.add(mid); references.add(mid); return this; }
    TestMessage raw(String r) { raw = r; return this; }

    TestMessage trailer(String kind, String name, String email, boolean isQuoted) {
        trailers.add(new Trailer(kind, name, email, name + " <" + email + ">", null, isQuoted, 0));
        return this;
    }

    TestMessage diff(String patchId, String pre, String post, List<String> hunks, String... paths) {
        List<FileDiff> files = new ArrayList<>();
        for (String p : paths) files.add(new FileDiff(p, p, FileDiff.ChangeKind.MODIFY, 1, 1, false));
        diff = new Diff(files, paths.length, paths.length, patchId, pre, post, hunks);
        return this;
    }

    /** The body text as the parser would give it: own lines, then quoted lines. */
    String text() {
        return quoted.isEmpty() ? own : quoted + "\n" + own;
    }

    StoredMessage build() {
        BodyText body = new BodyText(text(), own, quoted, List.of());
        Mail mail = new Mail(id, inReplyTo, references, from, to, cc, null, date, subject, body, flags, List.of());
        SubjectTags tags = new SubjectTags(false, List.of(), version, index, total, subject, kind == MessageKind.PATCH,
                false, false, kind == MessageKind.PULL, List.of());
        Markers markers = new Markers(baseCommit, changeId, List.of(), List.of(), List.of());
        Analysis analysis = new Analysis(tags, kind, trailers, diff, null, markers, List.of(), Symbols.of(diff),
                List.of(), List.of());
        String bytes = raw != null ? raw
                : "Message-ID: <" + id + ">\nFrom: " + from.display() + "\nSubject: " + subject + "\n\n" + text() + "\n";
        return new StoredMessage(bytes.getBytes(StandardCharsets.UTF_8), mail, analysis, list, envelope, truncated);
    }
}
