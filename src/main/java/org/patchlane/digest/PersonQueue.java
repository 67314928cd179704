package org.patchlane.digest;

import java.util.List;

/** "Waiting on you": the open series a person's ack or review is awaited on, from the areas they maintain. */
public record PersonQueue(Person person, List<Waiting> waiting) {
    public PersonQueue {
        waiting = List.copyOf(waiting);
    }
}
