#include "textescape.h"

namespace scr {

std::string escapeControls(std::string_view utf8, bool keepLayout)
{
    static const char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(utf8.size());
    for (size_t i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c == 0xC2 && i + 1 < utf8.size()) { // C1 controls are U+0080..U+009F: C2 80..C2 9F in UTF-8
            const auto next = static_cast<unsigned char>(utf8[i + 1]);
            if (next >= 0x80 && next <= 0x9F) {
                out += "\\u00";
                out += kHex[next >> 4];
                out += kHex[next & 0xF];
                ++i;
                continue;
            }
        }
        if (c >= 0x20 && c != 0x7F) {
            out += static_cast<char>(c);
            continue;
        }
        if (keepLayout && (c == '\n' || c == '\t')) {
            out += static_cast<char>(c);
            continue;
        }
        switch (c) {
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case 0x1B:
            out += "\\e";
            break;
        default:
            out += "\\x";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
    }
    return out;
}

QString escapeControls(const QString &text, bool keepLayout)
{
    for (const QChar ch : text) {
        const char16_t u = ch.unicode();
        if (u < 0x20 || (u >= 0x7F && u <= 0x9F)) {
            const QByteArray utf8 = text.toUtf8();
            return QString::fromStdString(escapeControls(
                std::string_view(utf8.constData(), static_cast<size_t>(utf8.size())), keepLayout));
        }
    }
    return text; // the common case: nothing to escape, no copy
}

} // namespace scr
