package org.leadingtogether.account.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.account.AccountService;
import org.leadingtogether.account.PersonRow;

import java.util.List;

/**
 * The administrator's list of people: searched and paged by GET parameters ({@code q}, {@code page}), so
 * a search can be bookmarked and the back button works.
 */
@Named
@RequestScoped
public class PeopleBacking {

    static final int PAGE_SIZE = 20;

    @Inject
    private AccountService accounts;

    private String q;
    private int page = 1;
    private List<PersonRow> rows = List.of();
    private long total;

    public void load() {
        total = accounts.countPeople(q);
        page = Math.max(1, Math.min(page, getPageCount()));
        rows = accounts.findPeople(q, (page - 1) * PAGE_SIZE, PAGE_SIZE);
    }

    public int getPageCount() {
        return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public boolean isHasPrevious() {
        return page > 1;
    }

    public boolean isHasNext() {
        return page < getPageCount();
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }

    public List<PersonRow> getRows() {
        return rows;
    }

    public long getTotal() {
        return total;
    }
}
