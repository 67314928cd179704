package org.patchlane.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A generated linear history for benchmarks ({@code bench merged}): a bare repository whose master has N commits,
 * each changing one line of one C file among many, by a handful of authors, one minute apart, with release tags
 * ({@code v6.K-rc1} .. {@code -rc7}, {@code v6.K}) along the way. Written straight into the object database as one
 * pack, as a clone or fetch leaves a repository (tens of thousands of loose objects would make every read a file
 * open, which no real repository pays), no working tree; deterministic for a seed.
 */
public final class SyntheticHistory {
    private static final int DIRS = 50;
    private static final int LINES = 40;

    private SyntheticHistory() {
    }

    /**
     * One generated commit.
     *
     * @param id      40 hex
     * @param author  {@code Name <email>}
     * @param subject its subject
     */
    public record Made(String id, String author, String subject) {
    }

    /** Writes the repository at {@code dir} (created); returns its commits, oldest first. */
    public static List<Made> generate(Path dir, int commits, int files, int tagEvery, Instant start, long seed)
            throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        int perDir = Math.max(1, files / DIRS);
        String[][][] text = new String[DIRS][perDir][];
        ObjectId[][] blobs = new ObjectId[DIRS][perDir];
        ObjectId[] dirTrees = new ObjectId[DIRS];
        List<Made> out = new ArrayList<>(commits);
        try (Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build()) {
            repo.create(true);
            Map<String, ObjectId> tags = new LinkedHashMap<>();
            try (ObjectInserter ins = ((ObjectDirectory) repo.getObjectDatabase()).newPackInserter()) {
                for (int d = 0; d < DIRS; d++) {
                    for (int f = 0; f < perDir; f++) {
                        text[d][f] = new String[LINES];
                        for (int l = 0; l < LINES; l++) text[d][f][l] = "int v" + d + "_" + f + "_" + l + ";";
                        blobs[d][f] = blob(ins, text[d][f]);
                    }
                    dirTrees[d] = dirTree(ins, blobs[d]);
                }
                ObjectId parent = null;
                int tag = 0;
                for (int i = 0; i < commits; i++) {
                    int d = rnd.nextInt(DIRS), f = rnd.nextInt(perDir), l = rnd.nextInt(LINES);
                    text[d][f][l] = "int changed_" + i + " = " + rnd.nextInt(1_000_000) + ";";
                    blobs[d][f] = blob(ins, text[d][f]);
                    dirTrees[d] = dirTree(ins, blobs[d]);
                    TreeFormatter root = new TreeFormatter();
                    for (int k = 0; k < DIRS; k++) root.append(dirName(k), FileMode.TREE, dirTrees[k]);
                    int who = rnd.nextInt(40);
                    String name = "Developer " + who, email = "dev" + who + "@example.org";
                    String subject = "subsys" + d + ": change " + i;
                    PersonIdent ident = new PersonIdent(new PersonIdent(name, email), start.plusSeconds(60L * i),
                            ZoneOffset.UTC);
                    CommitBuilder c = new CommitBuilder();
                    c.setTreeId(ins.insert(root));
                    if (parent != null) c.setParentId(parent);
                    c.setAuthor(ident);
                    c.setCommitter(ident);
                    c.setMessage(subject + "\n\nSigned-off-by: " + name + " <" + email + ">\n");
                    parent = ins.insert(c);
                    out.add(new Made(parent.name(), name + " <" + email + ">", subject));
                    if (tagEvery > 0 && (i + 1) % tagEvery == 0) {
                        int minor = 10 + tag / 8, rc = tag % 8 + 1;
                        String t = rc == 8 ? "v6." + minor : "v6." + minor + "-rc" + rc;
                        TagBuilder tb = new TagBuilder();
                        tb.setObjectId(parent, Constants.OBJ_COMMIT);
                        tb.setTag(t);
                        tb.setTagger(ident);
                        tb.setMessage(t + "\n");
                        tags.put(Constants.R_TAGS + t, ins.insert(tb));
                        tag++;
                    }
                }
                ins.flush(); // the refs after the pack: a ref is checked against the objects it names
                for (Map.Entry<String, ObjectId> t : tags.entrySet()) ref(repo, t.getKey(), t.getValue());
                if (parent != null) ref(repo, "refs/heads/master", parent);
            }
        }
        return out;
    }

    private static ObjectId blob(ObjectInserter ins, String[] lines) throws IOException {
        return ins.insert(Constants.OBJ_BLOB, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectId dirTree(ObjectInserter ins, ObjectId[] blobs) throws IOException {
        TreeFormatter t = new TreeFormatter();
        for (int f = 0; f < blobs.length; f++) t.append(String.format("f%05d.c", f), FileMode.REGULAR_FILE, blobs[f]);
        return ins.insert(t);
    }

    private static String dirName(int d) {
        return String.format("d%03d", d);
    }

    private static void ref(Repository repo, String name, ObjectId id) throws IOException {
        RefUpdate u = repo.updateRef(name);
        u.setNewObjectId(id);
        u.setForceUpdate(true);
        RefUpdate.Result r = u.update();
        if (r != RefUpdate.Result.NEW && r != RefUpdate.Result.FORCED && r != RefUpdate.Result.NO_CHANGE)
            throw new IOException("cannot write " + name + ": " + r);
    }
}
