#pragma once
// LineEditor: scr-shell's interactive line, a small terminal line editor (no readline dependency): editing
// keys (arrows, Home/End, Delete, Ctrl-A/E/K/U/W/L), history (Up/Down, Ctrl-P/N, kept in a file between
// sessions), and Tab completion through a callback. It puts the terminal in raw mode only while a line is
// read, and restores it however the line ends. On something that is not a terminal it reads the same keys
// (that is how it is tested) without changing any terminal settings.

#include "ems/completion.h"

#include <functional>
#include <optional>

#include <QString>
#include <QStringList>

namespace scr::shell {

class LineEditor
{
public:
    using Completer = std::function<ems::Completion(const QString &line, qsizetype cursor)>;
    static constexpr int kMaxHistory = 1000;

    LineEditor(int inFd, int outFd);
    ~LineEditor();
    LineEditor(const LineEditor &) = delete;
    LineEditor &operator=(const LineEditor &) = delete;

    void setCompleter(Completer completer) { m_completer = std::move(completer); }
    // Loads history from path (when it exists), and appends every line entered to it from now on.
    void useHistoryFile(const QString &path);
    const QStringList &history() const { return m_history; }

    // The line entered; an empty line after Ctrl-C; nullopt at end of input (Ctrl-D on an empty line).
    // remember: add it to the history (not for answers to a confirmation).
    std::optional<QString> readLine(const QString &prompt, bool remember = true);

private:
    enum class Key { None, Up, Down, Left, Right, Home, End, Delete };
    int readByte();
    Key readEscape();
    Key keyOf(int c); // the key a byte starts (an escape sequence is read to its end); None: not a key
    void moveOrDelete(Key key, const QString &prompt); // Left, Right, Home, End, Delete
    bool edit(int c, const QString &prompt);           // Backspace, Ctrl-K/U/W/L, typed text; false: none
    void insertTyped(int lead, const QString &prompt); // the UTF-8 character lead starts
    void redraw(const QString &prompt);
    void write(const QString &text);
    void completeWord(const QString &prompt, bool listing);
    void addToHistory(const QString &line);
    void rawMode(bool on);

    int m_in;
    int m_out;
    bool m_tty;
    bool m_raw = false;
    Completer m_completer;
    QStringList m_history;
    QString m_historyPath;
    QString m_line;
    qsizetype m_cursor = 0;
    struct TermiosState;
    TermiosState *m_saved = nullptr;
};

} // namespace scr::shell
