package org.patchlane.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.patchlane.git.Repo;
import org.patchlane.git.Tag;
import org.patchlane.pull.Backport;
import org.patchlane.pull.RepoSettings;
import org.patchlane.report.BackportJson;
import org.patchlane.store.Searcher;
import org.patchlane.thread.Series;

/**
 * {@code /series/{id}/backport?to=TAG} and its {@code /api/} twin: {@code patchlane backport} from the series page,
 * against the first configured repository. Without {@code to}, the page offers the repository's release tags.
 */
final class BackportRoutes {
    private final Searcher searcher;
    private final List<RepoSettings> repos;

    BackportRoutes(Searcher searcher, List<RepoSettings> repos) {
        this.searcher = searcher;
        this.repos = List.copyOf(repos);
    }

    void register(RoutesConfig app) {
        app.get("/series/{id}/backport", ctx -> Templates.render(ctx, "backport.jte", Map.of("view", view(ctx))));
        app.get("/api/series/{id}/backport", ctx -> {
            BackportView v = view(ctx);
            if (v.result() == null) throw new BadRequestResponse("give the release to try as ?to=TAG");
            App.json(ctx, v.result());
        });
    }

    private BackportView view(Context ctx) throws IOException {
        Optional<Series> s = searcher.seriesOf(ctx.pathParam("id"));
        if (s.isEmpty()) throw new NotFoundResponse("no series " + ctx.pathParam("id"));
        if (repos.isEmpty())
            throw new NotFoundResponse("No [repo \"NAME\"] in the configuration: a backport is tried in a repository");
        RepoSettings settings = repos.get(0);
        String to = ctx.queryParam("to");
        try (Repo repo = Repo.open(settings.path())) {
            List<String> tags = new java.util.ArrayList<>(repo.tags().stream().map(Tag::name).toList());
            java.util.Collections.reverse(tags);
            if (to == null || to.isBlank()) return new BackportView(s.get(), settings.name(), tags, null, null);
            if (repo.resolve(to).isEmpty())
                throw new BadRequestResponse(settings.name() + " has no " + to + " (a tag, branch or commit)");
            Backport.Result r = Backport.run(repo, searcher, s.get(), s.get().latest(), to);
            return new BackportView(s.get(), settings.name(), tags, to, BackportJson.of(r));
        }
    }
}
