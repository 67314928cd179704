package org.patchlane.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A deterministic kernel-shaped repository for benchmarks, written straight into a bare repository's object
 * database (no working tree, no index): {@code drivers/dN/fM.c} files, a linear upstream history where each commit
 * edits one or two files of one driver, release tags every so many commits, and driver branches off the tip.
 * The same seed gives the same commits.
 */
public final class SyntheticRepo implements AutoCloseable {
    private final Repository repo;
    private final ObjectInserter inserter;
    private final Random random;
    private final int drivers, filesPerDriver;
    /** driver directory → file name → blob; the tree of the commit being built. */
    private final Map<Integer, TreeMap<String, ObjectId>> files = new TreeMap<>();
    private final Map<Integer, ObjectId> driverTrees = new TreeMap<>();
    private Instant clock = Instant.parse("2024-01-01T00:00:00Z");
    private ObjectId head;

    private SyntheticRepo(Repository repo, long seed, int drivers, int filesPerDriver) {
        this.repo = repo;
        this.inserter = repo.newObjectInserter();
        this.random = new Random(seed);
        this.drivers = drivers;
        this.filesPerDriver = filesPerDriver;
    }

    /** Creates a bare repository at {@code dir} with {@code drivers × filesPerDriver} files in its first commit. */
    public static SyntheticRepo create(Path dir, long seed, int drivers, int filesPerDriver) throws IOException {
        Repository r = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
        r.create(true);
        SyntheticRepo s = new SyntheticRepo(r, seed, drivers, filesPerDriver);
        s.initial();
        return s;
    }

    /** The file of driver {@code d}, number {@code f}: {@code drivers/d7/f12.c}. */
    public static String path(int d, int f) {
        return "drivers/d" + d + "/f" + f + ".c";
    }

    private void initial() throws IOException {
        for (int d = 0; d < drivers; d++) {
            TreeMap<String, ObjectId> dir = new TreeMap<>();
            for (int f = 0; f < filesPerDriver; f++) dir.put("f" + f + ".c", blob(content(d, f, 0)));
            files.put(d, dir);
            driverTrees.put(d, tree(dir));
        }
        head = commit("Initial import", List.of());
        update(Constants.R_HEADS + "master", head);
    }

    /** {@code n} upstream commits on master, each editing one or two files of a random driver; a tag each {@code tagEvery}. */
    public void history(int n, int tagEvery) throws IOException {
        for (int i = 1; i <= n; i++) {
            int d = random.nextInt(drivers);
            edit(d, random.nextInt(filesPerDriver), i);
            if (random.nextBoolean()) edit(d, random.nextInt(filesPerDriver), i + 1);
            head = commit("d" + d + ": change " + i, List.of(head));
            if (i % tagEvery == 0) update(Constants.R_TAGS + "v1." + (i / tagEvery), head);
        }
        update(Constants.R_HEADS + "master", head);
    }

    /**
     * A branch of {@code commits} commits off master editing files of driver {@code d} only (file {@code firstFile}
     * and the ones after it), stored as {@code ref}; returns its tip. Branches with different {@code salt}s editing
     * the same file conflict. Master is left where it is.
     */
    public String branch(String ref, int d, int firstFile, int commits, String author, int salt) throws IOException {
        ObjectId upstream = head;
        TreeMap<String, ObjectId> saved = new TreeMap<>(files.get(d));
        ObjectId savedTree = driverTrees.get(d);
        ObjectId tip = head;
        for (int i = 0; i < commits; i++) {
            edit(d, (firstFile + i) % filesPerDriver, 1_000_000 + 1000 * salt + i);
            tip = commit("d" + d + ": branch change " + i, List.of(tip), author);
            head = tip;
        }
        update(ref, tip);
        files.put(d, saved);
        driverTrees.put(d, savedTree);
        head = upstream;
        return tip.name();
    }

    public String head() {
        return head.name();
    }

    private void edit(int d, int f, int version) throws IOException {
        files.get(d).put("f" + f + ".c", blob(content(d, f, version)));
        driverTrees.put(d, tree(files.get(d)));
    }

    private static String content(int d, int f, int version) {
        StringBuilder b = new StringBuilder("/* driver ").append(d).append(" file ").append(f).append(" */\n");
        b.append("int version = ").append(version).append(";\n");
        for (int i = 0; i < 20; i++) b.append("static int f").append(f).append("_").append(i).append(";\n");
        return b.toString();
    }

    private ObjectId blob(String text) throws IOException {
        return inserter.insert(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8));
    }

    private ObjectId tree(TreeMap<String, ObjectId> entries) throws IOException {
        TreeFormatter t = new TreeFormatter();
        for (Map.Entry<String, ObjectId> e : entries.entrySet()) t.append(e.getKey(), FileMode.REGULAR_FILE, e.getValue());
        return inserter.insert(t);
    }

    private ObjectId root() throws IOException {
        // tree entries sort by name as bytes: d10 before d2, as git sorts them
        TreeMap<String, ObjectId> byName = new TreeMap<>();
        driverTrees.forEach((d, id) -> byName.put("d" + d, id));
        TreeFormatter driversTree = new TreeFormatter();
        for (Map.Entry<String, ObjectId> e : byName.entrySet()) driversTree.append(e.getKey(), FileMode.TREE, e.getValue());
        TreeFormatter top = new TreeFormatter();
        top.append("drivers", FileMode.TREE, inserter.insert(driversTree));
        return inserter.insert(top);
    }

    private ObjectId commit(String message, List<ObjectId> parents) throws IOException {
        return commit(message, parents, "Dev Eloper <dev@example.org>");
    }

    private ObjectId commit(String message, List<ObjectId> parents, String author) throws IOException {
        clock = clock.plusSeconds(600);
        String name = author.substring(0, author.indexOf('<')).strip();
        String email = author.substring(author.indexOf('<') + 1, author.indexOf('>'));
        PersonIdent who = new PersonIdent(new PersonIdent(name, email), clock, ZoneOffset.UTC);
        CommitBuilder c = new CommitBuilder();
        c.setTreeId(root());
        c.setParentIds(parents);
        c.setAuthor(who);
        c.setCommitter(who);
        c.setMessage(message + "\n");
        return inserter.insert(c);
    }

    private void update(String ref, ObjectId id) throws IOException {
        inserter.flush();
        RefUpdate u = repo.updateRef(ref);
        u.setNewObjectId(id);
        u.setForceUpdate(true);
        RefUpdate.Result r = u.update();
        if (r != RefUpdate.Result.NEW && r != RefUpdate.Result.FORCED && r != RefUpdate.Result.NO_CHANGE)
            throw new IOException("could not write " + ref + ": " + r);
    }

    @Override
    public void close() throws IOException {
        inserter.flush();
        inserter.close();
        repo.close();
    }
}
