package org.patchlane.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.search.TermQuery;
import org.patchlane.patch.DependencyRef;
import org.patchlane.thread.GivenTrailer;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;
import org.patchlane.thread.SeriesVersion;

/**
 * Maps a {@link Series} onto a Lucene document that the message query prefixes reach ({@code s:}, {@code f:},
 * {@code ack:}, {@code rb:}, {@code tb:}, {@code sob:}, {@code nak:}, {@code v:}, {@code changeid:}, {@code list:},
 * {@code d:}, {@code dfn:}, {@code check:}, {@code state:}), with the whole series stored for {@code acks}.
 */
final class SeriesDocument {
    static final String TYPE = "series";

    private SeriesDocument() {
    }

    /** Matches series documents (and, negated, keeps them out of message searches). */
    static Query isSeries() {
        return new TermQuery(new Term(Schema.DOC_TYPE.name(), TYPE));
    }

    /** @param body {@link SeriesCodec#encode} of {@code s} */
    static Document build(Series s, byte[] body) {
        Document doc = new Document();
        doc.add(new StringField(Schema.DOC_TYPE.name(), TYPE, Store.YES));
        doc.add(new StringField(Schema.SERIES_ID.name(), s.id(), Store.YES));
        // In doc values, not stored: reading a series must not unpack the compressed stored block of mail around it.
        doc.add(new BinaryDocValuesField(Schema.SERIES_BODY.name(), new BytesRef(body)));
        Set<String> titles = new TreeSet<>();
        Set<String> senders = new TreeSet<>();
        for (SeriesVersion v : s.versions()) {
            titles.add(v.title());
            senders.add(v.sender().name() + " " + v.sender().email());
            doc.add(new IntPoint(Schema.VERSION_NO.name(), v.version()));
            for (SeriesPatch p : v.patches()) {
                for (GivenTrailer t : p.trailers()) people(doc, t);
            }
        }
        titles.forEach(t -> MessageDocument.text(doc, Schema.SUBJECT, t));
        senders.forEach(f -> MessageDocument.text(doc, Schema.FROM, f));
        SeriesVersion latest = s.latest();
        Set<String> files = new TreeSet<>();
        for (SeriesPatch p : latest.patches()) {
            files.addAll(p.files());
            MessageDocument.checks(doc, p.findings());
        }
        files.forEach(f -> MessageDocument.text(doc, Schema.FILE, f));
        MessageDocument.lower(doc, Schema.STATE, latest.state(), Store.NO);
        for (String list : s.lists()) MessageDocument.lower(doc, Schema.LIST, list, Store.NO);
        if (s.changeId() != null) MessageDocument.exact(doc, Schema.CHANGE_ID, s.changeId());
        for (String term : memberTerms(s)) doc.add(new StringField(Schema.MEMBER.name(), term, Store.NO));
        titleKeys(s).forEach(k -> MessageDocument.exact(doc, Schema.TITLE_KEY, k));
        doc.add(new LongPoint(Schema.DATE.name(), s.lastActivity()));
        doc.add(new NumericDocValuesField(Schema.DATE.name(), s.lastActivity()));
        return doc;
    }

    /** The terms of a series' members, as its document holds them (what a deletion by member term matches). */
    static List<String> memberTerms(Series s) {
        List<String> out = new ArrayList<>(s.members().size());
        for (String id : s.members()) if (!id.isEmpty()) out.add(MessageDocument.keyword(id));
        return out;
    }

    /** Every title of a series' versions and patches, as {@link DependencyRef#titleKey}. */
    static Set<String> titleKeys(Series s) {
        Set<String> keys = new TreeSet<>();
        for (String title : s.titles()) keys.add(DependencyRef.titleKey(title));
        return keys;
    }

    private static void people(Document doc, GivenTrailer t) {
        Schema.Field f = Schema.trailerField(t.kind());
        if (f != null) MessageDocument.text(doc, f, t.name() + " " + t.email());
    }
}
