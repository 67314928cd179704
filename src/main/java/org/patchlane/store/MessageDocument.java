package org.patchlane.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.patchlane.mail.Address;
import org.patchlane.mail.Mail;
import org.patchlane.mail.MailFlag;
import org.patchlane.patch.Analysis;
import org.patchlane.patch.ChangeRef;
import org.patchlane.patch.DependencyRef;
import org.patchlane.patch.Diff;
import org.patchlane.patch.FileDiff;
import org.patchlane.patch.Finding;
import org.patchlane.patch.MessageKind;
import org.patchlane.patch.Symbols;
import org.patchlane.patch.Trailer;
import org.patchlane.thread.LinkKeys;
import org.patchlane.thread.Post;

/** Maps a {@link StoredMessage} onto a Lucene document per {@link Schema}, and a stored document back. */
final class MessageDocument {
    /**
     * Longest keyword kept, in chars. Lucene rejects a term over 32766 UTF-8 bytes and fails the whole document;
     * hostile mail can carry a Message-ID of any length, so keywords are cut (4 bytes per char worst case).
     */
    static final int MAX_KEYWORD = 8000;
    /*
     * Words without norms: nothing is ranked by relevance (hits sort by date), so length norms were only written,
     * flushed and merged, a few percent of ingest time. Positions stay: a quoted or multi-token term is a phrase.
     */
    static final FieldType WORDS = words(false);
    static final FieldType STORED_WORDS = words(true);

    private MessageDocument() {
    }

    /** The idempotence key: same Message-ID and same bytes. */
    static String uid(StoredMessage m) {
        return keyword(m.mail().messageId()) + "\n" + sha256(m.raw());
    }

    static String messageId(StoredMessage m) {
        return keyword(m.mail().messageId());
    }

    /** Strips one pair of angle brackets and surrounding space: {@code <a@b>} and {@code a@b} are the same id. */
    static String bareId(String id) {
        String s = id.strip();
        if (s.length() >= 2 && s.charAt(0) == '<' && s.charAt(s.length() - 1) == '>') s = s.substring(1, s.length() - 1);
        return keyword(s);
    }

    /**
     * The message's document.
     *
     * @param uid its {@link #uid}, which the caller has already computed to look it up (it hashes the whole raw mail)
     */
    static Document build(StoredMessage m, String uid, boolean duplicate) {
        Mail mail = m.mail();
        Analysis a = m.analysis();
        Document doc = new Document();
        String mid = messageId(m);
        doc.add(new StringField(Schema.UID.name(), uid, Store.NO));
        doc.add(new StringField(Schema.MID.name(), mid, Store.YES));
        doc.add(new org.apache.lucene.document.Field(Schema.SUBJECT.name(), mail.subject(), STORED_WORDS));
        addresses(doc, Schema.FROM, List.of(mail.from()));
        addresses(doc, Schema.TO, mail.to());
        addresses(doc, Schema.CC, mail.cc());
        doc.add(new StoredField(Schema.FROM_NAME.name(), mail.from().name()));
        doc.add(new StoredField(Schema.FROM_EMAIL.name(), mail.from().email()));
        text(doc, Schema.OWN, mail.body().own());
        for (String attachment : mail.body().attachments()) text(doc, Schema.OWN, attachment);
        text(doc, Schema.QUOTED, mail.body().quoted());
        Instant date = mail.date() != null ? mail.date() : m.envelopeDate();
        if (date != null) {
            long ms = date.toEpochMilli();
            doc.add(new LongPoint(Schema.DATE.name(), ms));
            doc.add(new NumericDocValuesField(Schema.DATE.name(), ms));
            doc.add(new StoredField(Schema.DATE.name(), ms));
        }
        if (m.envelopeDate() != null) doc.add(new StoredField(Schema.ENVELOPE.name(), m.envelopeDate().toEpochMilli()));
        doc.add(new StoredField(Schema.TRUNCATED.name(), m.truncated() ? 1 : 0));
        doc.add(new StoredField(Schema.RAW.name(), m.raw()));
        diff(doc, a.diff());
        lower(doc, Schema.KIND, a.kind().jsonName(), Store.YES);
        doc.add(new IntPoint(Schema.VERSION_NO.name(), a.tags().version()));
        if (!m.list().isEmpty()) {
            doc.add(new StoredField(Schema.LIST.name(), m.list()));
            lower(doc, Schema.LIST, m.list(), Store.NO);
        }
        trailers(doc, mail, a.trailers());
        for (MailFlag flag : flags(m, duplicate)) lower(doc, Schema.FLAG, flag.jsonName(), Store.YES);
        for (String id : mail.inReplyTo()) exact(doc, Schema.IRT, bareId(id));
        for (String id : mail.references()) exact(doc, Schema.REF, bareId(id));
        if (a.markers().changeId() != null) exact(doc, Schema.CHANGE_ID, a.markers().changeId().strip());
        if (a.markers().baseCommit() != null) lower(doc, Schema.BASE, a.markers().baseCommit().strip(), Store.NO);
        Post post = m.post();
        for (String key : LinkKeys.keys(post)) exact(doc, Schema.LINK, key);
        doc.add(new BinaryDocValuesField(Schema.FACTS.name(), new BytesRef(PostCodec.encode(post))));
        checks(doc, post.findings());
        linkFacts(doc, mail, a, date);
        HitSource hit = new HitSource(mid, mail.subject(), mail.from(), a.kind(), m.list(),
                HitSource.cut(mail.body().own(), Snippets.MAX_ANALYZED));
        doc.add(new BinaryDocValuesField(Schema.HIT.name(), new BytesRef(HitCodec.encode(hit))));
        return doc;
    }

    /**
     * A cover's or patch's symbols and dependencies, indexed for the link stage's lookups and kept whole in doc values
     * (apart from the compressed stored fields, which hold the raw mail: reading facts must not unpack it; other
     * mail gives no links: a reply quoting a patch neither defines nor needs anything).
     */
    private static void linkFacts(Document doc, Mail mail, Analysis a, Instant date) {
        if (a.kind() != MessageKind.PATCH && a.kind() != MessageKind.COVER) return;
        Symbols sy = a.symbols();
        for (String s : sy.defined()) exact(doc, Schema.DEFINES, s);
        for (String s : sy.exported()) exact(doc, Schema.EXPORTS, s);
        for (String s : sy.used()) exact(doc, Schema.USES, s);
        for (String key : dependencyKeys(a)) exact(doc, Schema.DEPENDS, key);
        List<String> parents = new ArrayList<>();
        for (String id : mail.inReplyTo()) parents.add(bareId(id));
        for (String id : mail.references()) parents.add(bareId(id));
        LinkFacts facts = new LinkFacts(keyword(mail.messageId()), a.kind(),
                date == null ? Long.MIN_VALUE : date.toEpochMilli(), parents, sy, a.dependencies(), a.markers());
        doc.add(new BinaryDocValuesField(Schema.LINK_FACTS.name(), new BytesRef(LinkFactsCodec.encode(facts))));
    }

    /**
     * The keys a mail names as what it needs: b4's prerequisite markers and the Message-IDs, change-ids and quoted
     * titles ({@link DependencyRef#titleKey}) it cites.
     */
    static Set<String> dependencyKeys(Analysis a) {
        Set<String> keys = new java.util.LinkedHashSet<>();
        for (String id : a.markers().prerequisiteMessageIds()) keys.add(bareId(id));
        for (String id : a.markers().prerequisiteChangeIds()) keys.add(ChangeRef.parse(id).changeId());
        for (String id : a.markers().prerequisitePatchIds()) keys.add(id.toLowerCase(Locale.ROOT));
        for (DependencyRef d : a.dependencies()) {
            if (d.form() == DependencyRef.Form.MESSAGE_ID) keys.add(bareId(d.target()));
            else if (d.form() == DependencyRef.Form.CHANGE_ID) keys.add(d.target());
            else if (d.form() == DependencyRef.Form.TITLE) keys.add(keyword(DependencyRef.titleKey(d.target())));
        }
        return keys;
    }

    /** Each finding under its own name and its family's, so {@code check:signoff} finds every sign-off problem. */
    static void checks(Document doc, List<Finding> findings) {
        Set<String> names = new java.util.TreeSet<>();
        for (Finding f : findings) {
            names.add(f.check());
            names.add(f.family());
        }
        for (String name : names) lower(doc, Schema.CHECK, name, Store.NO);
    }

    static Set<MailFlag> flags(StoredMessage m, boolean duplicate) {
        EnumSet<MailFlag> flags = EnumSet.noneOf(MailFlag.class);
        flags.addAll(m.mail().flags());
        if (m.truncated()) flags.add(MailFlag.TRUNCATED);
        if (duplicate) flags.add(MailFlag.DUPLICATE_ID);
        return flags;
    }

    static StoredRecord record(Document doc) {
        EnumSet<MailFlag> flags = EnumSet.noneOf(MailFlag.class);
        for (String f : doc.getValues(Schema.FLAG.name())) flags.add(MailFlag.valueOf(f.toUpperCase(Locale.ROOT)));
        String list = doc.get(Schema.LIST.name());
        return new StoredRecord(doc.get(Schema.MID.name()), doc.getBinaryValue(Schema.RAW.name()).bytes.clone(),
                list == null ? "" : list, instant(doc, Schema.ENVELOPE), number(doc, Schema.TRUNCATED) == 1L, flags,
                MessageKind.valueOf(doc.get(Schema.KIND.name()).toUpperCase(Locale.ROOT)),
                doc.get(Schema.SUBJECT.name()),
                new Address(doc.get(Schema.FROM_NAME.name()), doc.get(Schema.FROM_EMAIL.name())),
                instant(doc, Schema.DATE));
    }

    private static Instant instant(Document doc, Schema.Field f) {
        Long ms = number(doc, f);
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }

    private static Long number(Document doc, Schema.Field f) {
        IndexableField v = doc.getField(f.name());
        return v == null ? null : v.numericValue().longValue();
    }

    private static void diff(Document doc, Diff diff) {
        if (diff == null) return;
        for (FileDiff file : diff.files()) {
            if (file.oldPath() != null) text(doc, Schema.FILE, file.oldPath());
            if (file.newPath() != null && !file.newPath().equals(file.oldPath())) text(doc, Schema.FILE, file.newPath());
        }
        text(doc, Schema.PRE, diff.preImage());
        text(doc, Schema.POST, diff.postImage());
        for (String header : diff.hunkHeaders()) text(doc, Schema.HUNK, header);
        if (diff.patchId() != null) lower(doc, Schema.PATCH_ID, diff.patchId(), Store.NO);
    }

    private static void trailers(Document doc, Mail mail, List<Trailer> trailers) {
        for (Trailer t : trailers) {
            if (t.quoted()) continue;
            Schema.Field field = Schema.trailerField(t.kind());
            if (field == null) continue;
            Address who = new Address(t.name(), t.email());
            // A bare "NAK" line names nobody: the reply's sender is the one nacking.
            if (who.name().isEmpty() && who.email().isEmpty()) who = mail.from();
            text(doc, field, who.name() + " " + who.email());
        }
    }

    private static void addresses(Document doc, Schema.Field f, List<Address> people) {
        for (Address a : people) text(doc, f, a.name() + " " + a.email());
    }

    static void text(Document doc, Schema.Field f, String value) {
        if (value != null && !value.isBlank()) doc.add(new org.apache.lucene.document.Field(f.name(), value, WORDS));
    }

    static void lower(Document doc, Schema.Field f, String value, Store store) {
        doc.add(new StringField(f.name(), keyword(value.toLowerCase(Locale.ROOT)), store));
    }

    static void exact(Document doc, Schema.Field f, String value) {
        if (!value.isEmpty()) doc.add(new StringField(f.name(), keyword(value), Store.NO));
    }

    private static FieldType words(boolean stored) {
        FieldType t = new FieldType(stored ? TextField.TYPE_STORED : TextField.TYPE_NOT_STORED);
        t.setOmitNorms(true);
        t.freeze();
        return t;
    }

    /** A keyword term as indexed: at most {@link #MAX_KEYWORD} chars. */
    static String keyword(String s) {
        return s.length() <= MAX_KEYWORD ? s : s.substring(0, MAX_KEYWORD);
    }

    private static String sha256(byte[] raw) {
        return HexFormat.of().formatHex(Wire.sha256(raw));
    }
}
