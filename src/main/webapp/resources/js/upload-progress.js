/*
 * A progress bar for enrolment files. A form marked with data-upload-url sends its chosen file there first, by
 * XMLHttpRequest, showing how much has gone; the server keeps the file and answers with a token, which the
 * script puts in the form's hidden token field before sending the form itself (without the file) to check it.
 * A file over data-upload-limit bytes is refused at once, before anything is sent. Without this script the form
 * still works: the file goes with the form, with no progress shown.
 */
(function () {
    'use strict';

    function megabytes(bytes) {
        return (bytes / (1024 * 1024)).toFixed(1);
    }

    function start() {
        var form = document.querySelector('form[data-upload-url]');
        if (!form || !window.XMLHttpRequest || !window.FormData) {
            return;
        }
        var input = form.querySelector('input[type="file"]');
        var token = form.querySelector('input[type="hidden"][id$=":token"]');
        var button = form.querySelector('[id$=":check"]');
        var box = document.getElementById('uploadProgress');
        var bar = document.getElementById('uploadBar');
        var status = document.getElementById('uploadStatus');
        var limit = parseInt(form.getAttribute('data-upload-limit'), 10);
        var sending = false;

        function say(text, failed) {
            box.hidden = false;
            box.classList.toggle('upload-progress--failed', !!failed);
            status.textContent = text;
        }

        input.addEventListener('change', function () {
            token.value = '';
            box.hidden = true;
        });

        form.addEventListener('submit', function (event) {
            var file = input.files && input.files[0];
            if (!file || token.value) {
                return; // nothing chosen (the server says so), or the file has gone ahead: send the form
            }
            event.preventDefault();
            if (sending) {
                return;
            }
            if (file.size > limit) {
                say('The file is ' + megabytes(file.size) + ' MB; the largest file accepted is '
                    + Math.round(limit / (1024 * 1024)) + ' MB. Split it into smaller files.', true);
                return;
            }
            sending = true;
            bar.value = 0;
            say('Uploading ' + file.name + ': 0%', false);
            var data = new FormData();
            data.append('file', file, file.name);
            var request = new XMLHttpRequest();
            request.open('POST', form.getAttribute('data-upload-url'));
            request.upload.addEventListener('progress', function (progress) {
                if (progress.lengthComputable) {
                    var percent = Math.floor((100 * progress.loaded) / progress.total);
                    bar.value = percent;
                    status.textContent = 'Uploading ' + file.name + ': ' + percent + '%';
                }
            });
            request.addEventListener('load', function () {
                sending = false;
                var answer = {};
                try {
                    answer = JSON.parse(request.responseText);
                } catch (notJson) {
                    answer = {};
                }
                if (request.status === 200 && answer.token) {
                    bar.removeAttribute('value'); // indeterminate while every line is checked
                    say('Uploaded. Checking every line of ' + file.name + '…', false);
                    token.value = answer.token;
                    input.value = '';
                    if (form.requestSubmit) {
                        form.requestSubmit(button);
                    } else {
                        button.click();
                    }
                } else {
                    say(answer.error || 'The upload did not finish. Try again.', true);
                }
            });
            request.addEventListener('error', function () {
                sending = false;
                say('The upload did not finish: check the connection and try again.', true);
            });
            request.send(data);
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
