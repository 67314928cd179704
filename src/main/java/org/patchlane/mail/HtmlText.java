package org.patchlane.mail;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

import java.util.Set;

/**
 * HTML mail to plain text with jsoup, keeping the line structure that trailers and quotes depend on: block
 * elements and {@code <br>} end lines, paragraphs are separated by a blank line, {@code <pre>} keeps its lines,
 * and every line inside {@code <blockquote>} is prefixed with "> " per level so quotes stay quotes.
 */
final class HtmlText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3",
            "h4", "h5", "h6", "pre", "blockquote", "hr", "dl", "dt", "dd", "section", "article", "header", "footer",
            "address", "center", "form", "body");
    private static final Set<String> PARAGRAPHS = Set.of("p", "pre", "table", "ul", "ol", "h1", "h2", "h3", "h4",
            "h5", "h6");

    private HtmlText() {
    }

    static String toText(String html) {
        Writer w = new Writer();
        Element body = Jsoup.parse(html).body();
        body.traverse(w);
        w.endLine();
        return w.out.toString().strip() + "\n";
    }

    private static final class Writer implements NodeVisitor {
        final StringBuilder out = new StringBuilder();
        final StringBuilder line = new StringBuilder();
        int depth;
        int pre;
        /** Quote depth of the blank line owed before the next line (the shallower of the blocks that asked), or -1. */
        int blankDepth = -1;

        @Override
        public void head(Node node, int d) {
            if (node instanceof TextNode t) {
                text(pre > 0 ? t.getWholeText() : t.text());
            } else if (node instanceof Element e) {
                String tag = e.normalName();
                if (tag.equals("br")) {
                    endLine();
                } else if (BLOCKS.contains(tag)) {
                    block(tag);
                    if (tag.equals("blockquote")) depth++;
                    if (tag.equals("pre")) pre++;
                    if (tag.equals("li")) line.append("* ");
                }
            }
        }

        @Override
        public void tail(Node node, int d) {
            if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                String tag = e.normalName();
                block(tag);
                if (tag.equals("blockquote")) depth--;
                if (tag.equals("pre")) pre--;
            }
        }

        private void block(String tag) {
            endLine();
            if ((PARAGRAPHS.contains(tag) || tag.equals("blockquote")) && out.length() > 0) {
                blankDepth = blankDepth < 0 ? depth : Math.min(blankDepth, depth);
            }
        }

        private void text(String s) {
            if (pre > 0) {
                int start = 0;
                int nl;
                while ((nl = s.indexOf('\n', start)) >= 0) {
                    line.append(s, start, nl);
                    endLine();
                    start = nl + 1;
                }
                line.append(s, start, s.length());
            } else {
                if (line.length() == 0) {
                    s = s.stripLeading();
                } else if (line.charAt(line.length() - 1) == ' ' && s.startsWith(" ")) {
                    s = s.substring(1);
                }
                line.append(s);
            }
        }

        void endLine() {
            String l = line.toString().stripTrailing();
            line.setLength(0);
            if (l.isEmpty() && pre == 0) return;
            if (blankDepth >= 0) {
                emit("", blankDepth);
                blankDepth = -1;
            }
            emit(l, depth);
        }

        private void emit(String l, int level) {
            if (level > 0) {
                out.append("> ".repeat(level - 1)).append('>');
                if (!l.isEmpty()) out.append(' ');
            }
            out.append(l).append('\n');
        }
    }
}
