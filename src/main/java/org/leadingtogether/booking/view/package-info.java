/**
 * Pages of the booking feature: thin backing beans that hold page state and call one
 * {@link org.leadingtogether.booking.BookingService} method per action, the invitation download and the private
 * calendar feed (a servlet outside the signed-in areas, opened only by its secret address).
 */
package org.leadingtogether.booking.view;
