/**
 * Reading content files, shared by the framework and learning features: YAML parsed so that every key keeps
 * the line it came from (so an administrator is told exactly where a file is wrong), front matter split from
 * the Markdown that follows it, and Markdown turned into HTML that is safe to place in a page whatever the
 * file contains.
 */
package org.leadingtogether.platform.content;
