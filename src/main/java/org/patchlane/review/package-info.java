/**
 * Review policy and review state. Policy: for a set of changed files, which areas they touch, what kind each area
 * is and who must hear about it. Pure Java, no I/O beyond reading the configured MAINTAINERS file.
 *
 * <p><b>Review state</b> ({@link org.patchlane.review.ReviewState}): {@code new → under-review → changes-requested
 * → accepted → applied → partly-merged → merged}, plus {@code superseded}, {@code rejected}, {@code rfc},
 * {@code deferred}.
 * <em>Mail</em> gives a version its state ({@code ReviewState.fromMail}, strongest fact first): superseded unless
 * it is the latest; merged after pr-tracker-bot's notice; applied when every patch was named applied by an
 * "Applied" reply ({@link org.patchlane.review.MailNotices}); changes-requested after a NACK; under-review after any
 * other review trailer; rfc; new. A <em>maintainer</em> may set any state but superseded (a {@link
 * org.patchlane.review.Decision}, made on the then latest version). <em>Combined</em> ({@code
 * ReviewState.effective}): a decision counts only while its version is the latest; then the later of the decision
 * and the mail that gave the mail state wins, except that after a decision only applied/merged mail (always) and a
 * NACK (unless the decision settled the series: accepted, rejected, deferred, applied, merged) override it — review
 * trailers never undo a decision. Decisions are kept by {@code store.Decisions} in a git repository, never in the
 * index. <em>Upstream</em> ({@link org.patchlane.review.Upstream}, {@code ReviewState.withUpstream}): merged
 * detection (package {@code pull}) finds a version's patches in a repository; all of them make it {@code merged}
 * over any mail or decision, some {@code partly-merged} unless it is {@code merged} already or was rejected. A
 * finding counts for the version it was made on only; only detection sets {@code partly-merged}, never a
 * maintainer. Findings are kept by {@code store.MergedResults} in {@code DATA/merged/}, not in the index.
 *
 * <p><b>MAINTAINERS.</b> {@code [maintainers] file = PATH} names a kernel-format MAINTAINERS file (a relative path
 * is beside the configuration file). A section is a title line followed directly by tagged lines: {@code M:}
 * maintainers, {@code R:} reviewers, {@code L:} lists, {@code S:} status, {@code F:} file patterns, {@code X:}
 * excluded patterns, {@code N:} path regexes, {@code K:} content regexes, and {@code T: W: Q: B: C: P:}, which are
 * kept but decide nothing. Prose before the first section is the preamble. Whatever else cannot be understood (a
 * stray line, an unknown tag, a bad pattern or address, a tag missing its colon) is reported with its line, and
 * reading goes on.
 *
 * <p><b>Matching</b>, as {@code get_maintainer.pl} does it: {@code F: drivers/net/} covers that directory and
 * everything below; {@code F: drivers/net/*} the files in it, not below ({@code *}, {@code ?} and {@code [ch]}
 * never cross a {@code /}); {@code F: drivers/net/foo} the file, or everything below it when it is a directory.
 * {@code N:} is a regular expression searched in the path. A path an {@code X:} pattern matches does not belong to
 * that section at all. When several sections cover a path, the one with the deepest matching pattern decides the
 * area: depth is the number of {@code /} in the pattern, plus one when it does not end in {@code /}; an {@code N:}
 * match counts 0 and a pattern starting with {@code *} (THE REST) -1; equal depths keep file order. Every covering
 * section contributes people, the deciding one first, each person once.
 *
 * <p><b>Areas.</b> {@code [area "NAME"]} with {@code kind = infrastructure|driver|other}, repeatable
 * {@code path =} (F: syntax) and repeatable {@code maintainer = Name <email>} overrides MAINTAINERS for the paths it
 * covers (the deepest {@code path} among areas wins); an area that names no maintainer takes its people from the
 * MAINTAINERS sections of those paths, and one without {@code kind} is classified by the default split below.
 * Other paths belong to their deciding MAINTAINERS section.
 *
 * <p><b>Default split</b> of a MAINTAINERS section, by its F: patterns (its code: those outside {@code include/}
 * and {@code Documentation/}), first rule wins: <em>driver</em> when its code lies in one driver's directory
 * ({@code drivers/*&#47;hw/NAME/}, {@code drivers/net/ethernet/VENDOR/NAME/}, {@code drivers/gpu/drm/NAME/}, one
 * filesystem's {@code fs/NAME/}) or inside one {@code drivers/} subsystem without touching a {@code core/};
 * <em>infrastructure</em> when any pattern lies under {@code include/} (not {@code include/uapi/}), {@code mm/},
 * {@code kernel/}, {@code lib/}, {@code fs/} itself, {@code net/core/}, {@code drivers/base/} or a {@code core/}
 * directory; <em>driver</em> when everything outside {@code Documentation/} lies under one {@code drivers/}
 * subdirectory; else <em>other</em> (architecture code, documentation, tools, protocol stacks, uAPI headers
 * alone): neither shared code nor a driver's own, so it makes no series infrastructure.
 *
 * <p><b>Series.</b> Files touching any infrastructure area make an infrastructure series; touching only driver
 * areas, a driver series. A touch of a user-space API header ({@code include/uapi/},
 * {@code arch/ARCH/include/uapi/}) is reported apart, whatever its area, as clean driver pull requests must not
 * have one. {@code [together] window = 7d} (units h, d, w; default 7 days) is how far apart an infrastructure series
 * and the driver series using it may be posted.
 */
package org.patchlane.review;
