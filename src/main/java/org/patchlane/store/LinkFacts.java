package org.patchlane.store;

import java.util.List;

import org.patchlane.patch.DependencyRef;
import org.patchlane.patch.Markers;
import org.patchlane.patch.MessageKind;
import org.patchlane.patch.Symbols;

/**
 * What the link stage needs of one stored cover letter or patch, kept beside it so that linking reads the index
 * instead of re-parsing mail.
 *
 * @param messageId    without angle brackets
 * @param kind         {@link MessageKind#PATCH} or {@link MessageKind#COVER}
 * @param date         epoch ms, or {@link Long#MIN_VALUE} when the mail has none
 * @param parents      In-Reply-To, then References, without angle brackets
 * @param symbols      what its diff defines, exports and uses
 * @param dependencies what its own text says it depends on or points to
 * @param markers      its b4 / {@code git format-patch} markers ({@code prerequisite-*}, {@code change-id})
 */
public record LinkFacts(String messageId, MessageKind kind, long date, List<String> parents, Symbols symbols,
                        List<DependencyRef> dependencies, Markers markers) {
    public LinkFacts {
        parents = List.copyOf(parents);
        dependencies = List.copyOf(dependencies);
    }
}
