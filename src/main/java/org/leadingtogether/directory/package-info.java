/**
 * The directory of the health and care system: the organisations people work for, with their
 * {@link org.leadingtogether.directory.Sector}, and the professions they belong to.
 *
 * <p>Both are reference data an administrator keeps through
 * {@link org.leadingtogether.directory.DirectoryService}; every signed-in person may read them (forms
 * across the portal offer them as choices). They are few and change rarely.
 */
package org.leadingtogether.directory;
