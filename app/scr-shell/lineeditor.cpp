#include "lineeditor.h"

#include <cerrno>
#include <termios.h>
#include <unistd.h>

#include <QFile>
#include <QTextStream>

namespace scr::shell {

struct LineEditor::TermiosState
{
    termios saved{};
};

LineEditor::LineEditor(int inFd, int outFd) : m_in(inFd), m_out(outFd), m_tty(isatty(inFd) == 1) {}

LineEditor::~LineEditor()
{
    rawMode(false);
    delete m_saved;
}

void LineEditor::rawMode(bool on)
{
    if (!m_tty || on == m_raw)
        return;
    if (on) {
        if (!m_saved)
            m_saved = new TermiosState;
        if (tcgetattr(m_in, &m_saved->saved) != 0)
            return;
        termios raw = m_saved->saved;
        // Keys one by one, no echo; signals stay (Ctrl-C is read as a byte since ISIG is off here too, so
        // that it cancels the line instead of killing the shell); output processing stays on.
        raw.c_iflag &= ~static_cast<tcflag_t>(BRKINT | ICRNL | INPCK | ISTRIP | IXON);
        raw.c_cflag |= CS8;
        raw.c_lflag &= ~static_cast<tcflag_t>(ECHO | ICANON | IEXTEN | ISIG);
        raw.c_cc[VMIN] = 1;
        raw.c_cc[VTIME] = 0;
        if (tcsetattr(m_in, TCSAFLUSH, &raw) == 0)
            m_raw = true;
    } else {
        tcsetattr(m_in, TCSAFLUSH, &m_saved->saved);
        m_raw = false;
    }
}

void LineEditor::useHistoryFile(const QString &path)
{
    m_historyPath = path;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    QTextStream in(&file);
    while (!in.atEnd()) {
        const QString line = in.readLine();
        if (!line.isEmpty())
            m_history << line;
    }
    while (m_history.size() > kMaxHistory)
        m_history.removeFirst();
}

void LineEditor::addToHistory(const QString &line)
{
    if (line.trimmed().isEmpty() || (!m_history.isEmpty() && m_history.back() == line))
        return;
    m_history << line;
    while (m_history.size() > kMaxHistory)
        m_history.removeFirst();
    if (m_historyPath.isEmpty())
        return;
    QFile file(m_historyPath);
    if (file.open(QIODevice::Append)) // a line at a time, so a killed shell keeps what was typed
        file.write(line.toUtf8() + '\n');
}

int LineEditor::readByte()
{
    unsigned char c = 0;
    for (;;) {
        const ssize_t n = ::read(m_in, &c, 1);
        if (n == 1)
            return c;
        if (n < 0 && errno == EINTR)
            continue;
        return -1;
    }
}

LineEditor::Key LineEditor::readEscape()
{
    const int first = readByte();
    if (first == 'O') {
        const int c = readByte();
        return c == 'H' ? Key::Home : c == 'F' ? Key::End : Key::None;
    }
    if (first != '[')
        return Key::None;
    const int c = readByte();
    switch (c) {
    case 'A':
        return Key::Up;
    case 'B':
        return Key::Down;
    case 'C':
        return Key::Right;
    case 'D':
        return Key::Left;
    case 'H':
        return Key::Home;
    case 'F':
        return Key::End;
    default:
        break;
    }
    if (c >= '0' && c <= '9') {
        int code = c - '0';
        int next = readByte();
        while (next >= '0' && next <= '9') {
            code = code * 10 + (next - '0');
            next = readByte();
        }
        if (next != '~')
            return Key::None;
        switch (code) {
        case 1:
        case 7:
            return Key::Home;
        case 4:
        case 8:
            return Key::End;
        case 3:
            return Key::Delete;
        default:
            return Key::None;
        }
    }
    return Key::None;
}

void LineEditor::write(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(m_out, bytes.constData() + done, static_cast<size_t>(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        done += n;
    }
}

void LineEditor::redraw(const QString &prompt)
{
    QString text = QStringLiteral("\r") + prompt + m_line + QStringLiteral("\x1b[K");
    const qsizetype back = m_line.size() - m_cursor;
    if (back > 0)
        text += QStringLiteral("\x1b[%1D").arg(back);
    write(text);
}

void LineEditor::completeWord(const QString &prompt, bool listing)
{
    if (!m_completer)
        return;
    const ems::Completion offer = m_completer(m_line, m_cursor);
    if (offer.candidates.isEmpty()) {
        write(QStringLiteral("\a"));
        return;
    }
    const qsizetype wordLength = m_cursor - offer.start;
    QString insert = offer.commonPrefix;
    if (offer.candidates.size() == 1 && !insert.endsWith(QLatin1Char(':')))
        insert += QLatin1Char(' ');
    if (insert.size() > wordLength || offer.candidates.size() == 1) {
        m_line.replace(offer.start, wordLength, insert);
        m_cursor = offer.start + insert.size();
        redraw(prompt);
        return;
    }
    if (!listing) {
        write(QStringLiteral("\a")); // ambiguous: a second Tab lists the candidates
        return;
    }
    write(QStringLiteral("\r\n") + offer.candidates.join(QStringLiteral("  ")) + QStringLiteral("\r\n"));
    redraw(prompt);
}

LineEditor::Key LineEditor::keyOf(int c)
{
    switch (c) {
    case 0x1b:
        return readEscape();
    case 0x01:
        return Key::Home;
    case 0x05:
        return Key::End;
    case 0x02:
        return Key::Left;
    case 0x06:
        return Key::Right;
    case 0x10:
        return Key::Up;
    case 0x0e:
        return Key::Down;
    default:
        return Key::None;
    }
}

void LineEditor::moveOrDelete(Key key, const QString &prompt)
{
    switch (key) {
    case Key::Left:
        if (m_cursor > 0)
            --m_cursor;
        redraw(prompt);
        break;
    case Key::Right:
        if (m_cursor < m_line.size())
            ++m_cursor;
        redraw(prompt);
        break;
    case Key::Home:
        m_cursor = 0;
        redraw(prompt);
        break;
    case Key::End:
        m_cursor = m_line.size();
        redraw(prompt);
        break;
    case Key::Delete:
        if (m_cursor < m_line.size()) {
            m_line.remove(m_cursor, 1);
            redraw(prompt);
        }
        break;
    case Key::Up:
    case Key::Down:
    case Key::None:
        break;
    }
}

bool LineEditor::edit(int c, const QString &prompt)
{
    switch (c) {
    case 0x7f:
    case 0x08:
        if (m_cursor > 0) {
            m_line.remove(--m_cursor, 1);
            redraw(prompt);
        }
        return true;
    case 0x0b: // Ctrl-K
        m_line.truncate(m_cursor);
        redraw(prompt);
        return true;
    case 0x15: // Ctrl-U
        m_line.remove(0, m_cursor);
        m_cursor = 0;
        redraw(prompt);
        return true;
    case 0x17: { // Ctrl-W: the word before the cursor
        qsizetype from = m_cursor;
        while (from > 0 && m_line[from - 1].isSpace())
            --from;
        while (from > 0 && !m_line[from - 1].isSpace())
            --from;
        m_line.remove(from, m_cursor - from);
        m_cursor = from;
        redraw(prompt);
        return true;
    }
    case 0x0c: // Ctrl-L
        write(QStringLiteral("\x1b[H\x1b[2J"));
        redraw(prompt);
        return true;
    default:
        if (c < 0x20)
            return false;
        insertTyped(c, prompt);
        return true;
    }
}

void LineEditor::insertTyped(int lead, const QString &prompt)
{
    // UTF-8: the lead byte says how many bytes follow.
    QByteArray bytes(1, static_cast<char>(lead));
    const int more = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : 0;
    for (int i = 0; i < more; ++i) {
        const int b = readByte();
        if (b < 0)
            break;
        bytes += static_cast<char>(b);
    }
    const QString text = QString::fromUtf8(bytes);
    m_line.insert(m_cursor, text);
    m_cursor += text.size();
    redraw(prompt);
}

std::optional<QString> LineEditor::readLine(const QString &prompt, bool remember)
{
    m_line.clear();
    m_cursor = 0;
    qsizetype browsing = m_history.size(); // m_history.size() = the line being typed
    QString typed;
    bool lastWasTab = false;
    rawMode(true);
    write(prompt);
    const auto finish = [&](std::optional<QString> result) {
        rawMode(false);
        return result;
    };
    const auto recall = [&](qsizetype index) {
        if (index < 0 || index > m_history.size())
            return;
        if (browsing == m_history.size())
            typed = m_line;
        browsing = index;
        m_line = index == m_history.size() ? typed : m_history[index];
        m_cursor = m_line.size();
        redraw(prompt);
    };
    for (;;) {
        const int c = readByte();
        const bool tab = c == '\t';
        if (c < 0) {
            if (m_line.isEmpty()) {
                write(QStringLiteral("\r\n"));
                return finish(std::nullopt);
            }
            write(QStringLiteral("\r\n"));
            if (remember)
                addToHistory(m_line);
            return finish(m_line);
        }
        if (c == '\r' || c == '\n') {
            write(QStringLiteral("\r\n"));
            if (remember)
                addToHistory(m_line);
            return finish(m_line);
        }
        Key key = keyOf(c);
        if (c == 0x03) { // Ctrl-C: drop the line
            write(QStringLiteral("^C\r\n"));
            return finish(QString());
        }
        if (c == 0x04) { // Ctrl-D: end of input on an empty line, else delete
            if (m_line.isEmpty()) {
                write(QStringLiteral("\r\n"));
                return finish(std::nullopt);
            }
            key = Key::Delete;
        } else if (tab) {
            completeWord(prompt, lastWasTab);
        } else if (key == Key::None) {
            edit(c, prompt);
        }
        lastWasTab = tab;
        if (key == Key::Up)
            recall(browsing - 1);
        else if (key == Key::Down)
            recall(browsing + 1);
        else
            moveOrDelete(key, prompt);
    }
}

} // namespace scr::shell
