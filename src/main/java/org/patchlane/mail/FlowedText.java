package org.patchlane.mail;

/**
 * RFC 3676 format=flowed to plain lines: a line ending in a space joins the next line of the same quote depth,
 * space-stuffing is removed, {@code DelSp=yes} drops the joining space, and the "-- " signature separator never
 * flows. Patches sent flowed get their context lines back this way (git am does the same).
 */
final class FlowedText {
    private FlowedText() {
    }

    /** {@code text} has LF line ends. */
    static String unflow(String text, boolean delSp) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder para = null;
        int paraDepth = 0;
        for (int li = 0; li < lines.length; li++) {
            String line = lines[li];
            int depth = 0;
            while (depth < line.length() && line.charAt(depth) == '>') depth++;
            String content = line.substring(depth);
            if (content.startsWith(" ")) content = content.substring(1); // stuffing, or the space after "> "
            boolean flowed = content.endsWith(" ") && !content.equals("-- ") && li + 1 < lines.length;
            if (para != null && depth != paraDepth) { // a flowed line followed by another depth: ends the paragraph
                out.append(para).append('\n');
                para = null;
            }
            if (para == null) {
                para = new StringBuilder();
                paraDepth = depth;
                if (depth > 0) para.append(">".repeat(depth)).append(' ');
            }
            para.append(flowed && delSp ? content.substring(0, content.length() - 1) : content);
            if (!flowed) {
                out.append(para);
                if (li + 1 < lines.length) out.append('\n');
                para = null;
            }
        }
        if (para != null) out.append(para);
        return out.toString();
    }
}
