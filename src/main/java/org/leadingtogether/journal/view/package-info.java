/**
 * The journal's pages: the list with search and export choice ({@link org.leadingtogether.journal.view.JournalBacking}),
 * writing ({@link org.leadingtogether.journal.view.EntryWriteBacking}, with drafts saved as one types and unsaved
 * text kept in the browser), reading, sharing and replying ({@link org.leadingtogether.journal.view.EntryBacking}),
 * a coach's view of one shared entry ({@link org.leadingtogether.journal.view.SharedEntryBacking}), and the downloads
 * ({@link org.leadingtogether.journal.view.JournalExportServlet}). Thin on purpose: one service call per action; every
 * rule about who may see what is in {@link org.leadingtogether.journal.JournalService} and its policy.
 */
package org.leadingtogether.journal.view;
