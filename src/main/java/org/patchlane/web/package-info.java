/** The web interface: Javalin routes, lore-compatible URLs, view models for the jte templates in {@code web/}. */
package org.patchlane.web;
