package org.patchlane.patch;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MessageClassifierTest {

    /** subject | threaded | has diff | request-pull body | kind */
    @ParameterizedTest(name = "[{index}] {0} threaded={1} diff={2} pullBody={3}")
    @CsvSource(delimiter = '|', textBlock = """
            [PATCH] watchdog: fix                    | false | true  | false | PATCH
            [PATCH 2/5] watchdog: fix                | true  | true  | false | PATCH
            [PATCH 2/5] diff in unreadable attachment | true  | false | false | PATCH
            [PATCH v3 0/5] watchdog: rework          | false | false | false | COVER
            [PATCH v3 0/5] posted under the v2 cover | true  | false | false | COVER
            [PATCH 0/2] cover with request-pull      | false | false | true  | COVER
            [GIT PULL] watchdog fixes                | false | false | true  | PULL
            [GIT PULL] watchdog fixes with diff      | false | true  | true  | PULL
            [GIT PULL] tag but body not parseable    | false | false | false | PULL
            Please pull my tree                      | false | false | true  | PULL
            [PULL 00/29] Block layer patches         | false | false | true  | PULL
            [PULL 03/29] block: fix a leak           | true  | true  | false | PATCH
            [PULL v2 12/29] block: fix a leak        | true  | true  | false | PATCH
            [PULL 03/29] diff in unreadable part     | true  | false | false | PULL
            [GIT PULL 1/2] odd but with a diff       | true  | true  | false | PATCH
            Re: [PATCH] watchdog: fix                | true  | false | false | REPLY
            Re: [PATCH] suggested fix inline         | true  | true  | false | REPLY
            Re: [GIT PULL] watchdog fixes            | true  | false | true  | REPLY
            AW: [PATCH 0/3] cover reply              | true  | false | false | REPLY
            reply whose client dropped Re            | true  | false | false | REPLY
            untagged mail with a diff                | true  | true  | false | PATCH
            untagged new thread                      | false | false | false | OTHER
            [PATCH] no diff and no counter           | false | false | false | OTHER
            [PATCH] threaded, no diff, tagged        | true  | false | false | OTHER
            [ANNOUNCE] v6.13-rt1                     | false | false | false | OTHER
            """)
    void classifies(String subject, boolean threaded, boolean hasDiff, boolean pullBody, MessageKind kind) {
        SubjectTags tags = SubjectTags.parse(subject);
        assertEquals(kind, MessageClassifier.classify(
                new MessageClassifier.Facts(tags.reply(), threaded, hasDiff, pullBody, tags)));
    }
}
