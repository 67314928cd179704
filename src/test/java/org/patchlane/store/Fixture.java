package org.patchlane.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.patchlane.mail.MailFlag;
import org.patchlane.patch.MessageKind;

/** A small thread of kernel-list shaped messages shared by the search tests, and the fixed clock they use. */
final class Fixture {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-15T12:00:00Z"), ZoneOffset.UTC);
    static final String PATCH_ID = "ABCDEF0123456789ABCDEF0123456789ABCDEF01";
    static final String BASE = "0123456789abcdef0123456789abcdef01234567";

    private Fixture() {
    }

    static List<TestMessage> messages() {
        return List.of(
                TestMessage.mail("patch1@example.org").kind(MessageKind.PATCH).counter(2, 1, 3)
                        .subject("[PATCH v2 1/3] RDMA/mlx5: fix the frobnicator leak")
                        .from("Leon Romanovsky", "leon@kernel.org").to("Jason Gunthorpe", "jgg@nvidia.com")
                        .cc("", "linux-rdma@vger.kernel.org").date("2026-11-02T10:00:00Z")
                        .own("The frobnicator leaks on unload.\n\nSigned-off-by: Leon Romanovsky <leon@kernel.org>\n")
                        .trailer("Signed-off-by", "Leon Romanovsky", "leon@kernel.org", false)
                        .diff(PATCH_ID, "\tkfree(old_buf);", "\tkvfree(new_buf);",
                                List.of("static int mlx5_ib_probe(struct auxiliary_device *adev)"),
                                "drivers/infiniband/hw/mlx5/main.c")
                        .changeId("20261102-frob-abc123").baseCommit(BASE),
                TestMessage.mail("cover@example.org").kind(MessageKind.COVER).counter(2, 0, 3)
                        .subject("[PATCH v2 0/3] frobnicator fixes").from("Leon Romanovsky", "leon@kernel.org")
                        .date("2026-11-02T09:59:00Z")
                        .own("This series fixes the frobnicator.\n\n---\nchange-id: 20261102-foo-abc123\n"),
                TestMessage.mail("reply1@example.org").kind(MessageKind.REPLY)
                        .subject("Re: [PATCH v2 1/3] RDMA/mlx5: fix the frobnicator leak")
                        .from("Jason Gunthorpe", "jgg@nvidia.com").date("2026-11-03T08:00:00Z")
                        .inReplyTo("patch1@example.org")
                        .quoted("> The frobnicator leaks on unload.\n> Tested-by: Quentin Quoted <qq@example.org>")
                        .own("Looks good to me.\n\nReviewed-by: Jason Gunthorpe <jgg@nvidia.com>\n"
                                + "Acked-by: Jason Gunthorpe <jgg@nvidia.com>\n")
                        .trailer("Reviewed-by", "Jason Gunthorpe", "jgg@nvidia.com", false)
                        .trailer("Acked-by", "Jason Gunthorpe", "jgg@nvidia.com", false)
                        .trailer("Tested-by", "Quentin Quoted", "qq@example.org", true),
                TestMessage.mail("nak@example.org").kind(MessageKind.REPLY).subject("Re: [PATCH] net: add a knob")
                        .from("Greg KH", "greg@kroah.com").date("2026-11-04T12:00:00Z").list("netdev")
                        .own("NAK\n").trailer("Nacked-by", "", "", false),
                TestMessage.mail("pull@example.org").kind(MessageKind.PULL).subject("[GIT PULL] rdma fixes for 6.19")
                        .from("Leon Romanovsky", "leon@kernel.org").date("2026-11-05T07:00:00Z")
                        .own("Please pull.\n\nTested-by: Tim Tester <tim@example.org>\n")
                        .trailer("Tested-by", "Tim Tester", "tim@example.org", false)
                        .flag(MailFlag.CHARSET).truncated(),
                TestMessage.mail("old@example.org").subject("ancient question about frobnicator")
                        .from("Olga Old", "olga@example.com").cc("Dan Carpenter", "dan.carpenter@linaro.org")
                        .date("2025-01-01T00:00:00Z").own("How does it work?\n"),
                TestMessage.mail("single@example.org").kind(MessageKind.PATCH).subject("[PATCH] docs: typo")
                        .date(null).own("Fix a typo.\n").diff(null, "teh", "the", List.of(), "Documentation/foo.rst"),
                TestMessage.mail("recent@example.org").subject("recent note").date("2026-11-14T08:00:00Z")
                        .own("nothing to see here\n"));
    }
}
