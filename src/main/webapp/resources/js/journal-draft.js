/*
 * Leading Together: no lost work while writing a journal entry.
 *
 * - Keeps what the author types in this browser tab's session storage, under the person, the entry (or where a
 *   new entry was started from) and the version of the entry the page last saved. Session storage, not local
 *   storage: on a shared computer the copy goes when the tab is closed, and at once when the author signs out
 *   from a journal page; it survives reloads and signing in again in the same tab.
 * - While the entry is a draft, saves it to the portal a few seconds after typing stops, through the page's
 *   PrimeFaces remote command (window.ltSaveDraft).
 * - If a save cannot reach the portal (the session has ended, or the network is down), says so; the text stays in
 *   the tab.
 * - When the page opens and the tab holds text for the same entry and version that differs from the page,
 *   puts it back and says so, with a button to discard it.
 * - Once the entry is saved, the entry's page names what to forget, and the copy here is removed.
 *
 * An external file because the Content-Security-Policy allows only the portal's own scripts. Every word it shows
 * is in the page (hidden notices), not here.
 */
var LtDraft = (function () {
    'use strict';

    var PREFIX = 'lt.journal.draft.';
    var PAUSE_MS = 4000;
    var timer = null;
    var lastSent = null;
    var pending = false;
    var currentKey = null;
    var stopped = false;

    function form() {
        return document.querySelector('form[data-draft-form]');
    }

    function state() {
        return document.getElementById('draftState');
    }

    function keyOf(element) {
        return element ? PREFIX + element.getAttribute('data-key') : null;
    }

    function storage() {
        try {
            return window.sessionStorage;
        } catch (blocked) {
            return null;
        }
    }

    /** Signing out from a journal page removes every copy this tab holds. */
    function forgetAll() {
        var store = storage();
        if (!store) {
            return;
        }
        Object.keys(store).filter(function (key) {
            return key.indexOf(PREFIX) === 0;
        }).forEach(function (key) {
            store.removeItem(key);
        });
    }

    function fields() {
        var f = form();
        if (!f) {
            return [];
        }
        return Array.prototype.filter.call(f.elements, function (el) {
            return el.name && !el.disabled && (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT'
                || ['text', 'date', 'number', 'checkbox'].indexOf(el.type) >= 0);
        });
    }

    function fieldKey(el) {
        return el.type === 'checkbox' ? el.name + '=' + el.value : el.name;
    }

    function snapshot() {
        var values = {};
        fields().forEach(function (el) {
            values[fieldKey(el)] = el.type === 'checkbox' ? el.checked : el.value;
        });
        return values;
    }

    /** Whether any field present in both holds a different value. */
    function differs(kept, now) {
        return Object.keys(kept).some(function (k) {
            return Object.prototype.hasOwnProperty.call(now, k) && kept[k] !== now[k];
        });
    }

    function keep() {
        var store = storage();
        var s = state();
        if (!store || !s) {
            return;
        }
        try {
            store.setItem(keyOf(s), JSON.stringify({version: s.getAttribute('data-version'), at: Date.now(), values: snapshot()}));
        } catch (full) {
            // Storage full or refused: the portal's own drafts still protect a draft's text.
        }
    }

    function forget(key) {
        var store = storage();
        if (store && key) {
            store.removeItem(key);
        }
    }

    function autosaveOn() {
        var s = state();
        return s && s.getAttribute('data-autosave') === 'true' && typeof window.ltSaveDraft === 'function';
    }

    function schedule() {
        if (timer) {
            clearTimeout(timer);
        }
        if (autosaveOn()) {
            timer = setTimeout(autosave, PAUSE_MS);
        }
    }

    function autosave() {
        timer = null;
        if (stopped) {
            return;
        }
        var now = snapshot();
        if (lastSent && !differs(now, lastSent)) {
            return;
        }
        if (pending) {
            schedule();
            return;
        }
        pending = true;
        lastSent = now;
        window.ltSaveDraft();
    }

    function show(id, visible) {
        var el = document.getElementById(id);
        if (el) {
            el.hidden = !visible;
        }
    }

    /** Called when a draft save comes back (remote command or "Save draft"). */
    function afterSave(xhr, status, args) {
        pending = false;
        if (args && args.draftSaved) {
            show('draftExpired', false);
            var s = state();
            var newKey = keyOf(s);
            var url = s.getAttribute('data-url');
            if (url && url.indexOf('?id=') >= 0 && window.location.href.indexOf('?id=') < 0 && window.history.replaceState) {
                // A new entry now exists: its own address, so signing in again comes back to it.
                window.history.replaceState(null, '', url);
            }
            keep();
            if (currentKey && currentKey !== newKey) {
                forget(currentKey);
            }
            currentKey = newKey;
        } else if (args && args.draftHeld) {
            // The portal did not store it: it seems to identify someone (the warning is shown). Kept in this tab; sent
            // again once the author changes something.
            show('draftExpired', false);
            keep();
        } else if (args && args.validationFailed) {
            lastSent = null;
        } else {
            lastSent = null;
            keep();
            var signIn = document.getElementById('draftSignIn');
            if (signIn) {
                signIn.href = window.location.href;
            }
            show('draftExpired', true);
            var notice = document.getElementById('draftExpired');
            if (notice && notice.scrollIntoView) {
                notice.scrollIntoView({block: 'nearest'});
            }
        }
    }

    function restore() {
        var store = storage();
        var s = state();
        if (!store || !s) {
            return false;
        }
        var key = keyOf(s);
        var kept = null;
        try {
            kept = JSON.parse(store.getItem(key));
        } catch (broken) {
            kept = null;
        }
        if (!kept || !kept.values) {
            return false;
        }
        if (kept.version !== s.getAttribute('data-version')) {
            // The portal has a later save than the text kept here.
            forget(key);
            return false;
        }
        if (!differs(kept.values, snapshot())) {
            return false;
        }
        fields().forEach(function (el) {
            var k = fieldKey(el);
            if (Object.prototype.hasOwnProperty.call(kept.values, k)) {
                if (el.type === 'checkbox') {
                    el.checked = kept.values[k] === true;
                } else {
                    el.value = kept.values[k];
                }
            }
        });
        show('draftRestored', true);
        return true;
    }

    function onEdit(event) {
        var target = event.target;
        if (target && target.form && target.form.hasAttribute('data-draft-form')) {
            keep();
            schedule();
        }
    }

    /** After a save, the entry's page names the keys whose copies in the tab are no longer needed. */
    function forgetSaved() {
        var saved = document.getElementById('draftSaved');
        if (saved) {
            (saved.getAttribute('data-forget') || '').split(' ').forEach(function (key) {
                if (key) {
                    forget(PREFIX + key);
                }
            });
        }
    }

    function start() {
        forgetSaved();
        var signOut = document.getElementById('signOutForm');
        if (signOut) {
            signOut.addEventListener('submit', forgetAll);
        }
        if (!form() || !state()) {
            return;
        }
        currentKey = keyOf(state());
        var restored = restore();
        lastSent = restored ? null : snapshot();
        if (restored) {
            keep();
            schedule();
        }
        document.addEventListener('input', onEdit);
        document.addEventListener('change', onEdit);
        document.addEventListener('submit', function (event) {
            if (event.target && event.target.hasAttribute && event.target.hasAttribute('data-draft-form')) {
                // The page is being saved: no draft save may follow it, or it would reach the portal after the
                // page it belongs to has gone.
                stopped = true;
                if (timer) {
                    clearTimeout(timer);
                    timer = null;
                }
                keep();
            }
        }, true);
        var discard = document.getElementById('draftDiscard');
        if (discard) {
            discard.addEventListener('click', function () {
                forget(keyOf(state()));
                window.location.reload();
            });
        }
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }

    return {afterSave: afterSave};
}());
