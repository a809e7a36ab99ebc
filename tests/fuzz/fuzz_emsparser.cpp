// libFuzzer target for the EMS parser: any text must parse or fail with a syntax error whose caret line
// lines up, never crash, hang or read out of bounds. Run by ctest (fuzz.emsparser) or tests/fuzz/run-fuzz.sh.

#include "ems/parser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    auto script = scr::ems::parse(text);
    if (!script) {
        const QStringList lines = script.error().reason.split(QLatin1Char('\n'));
        if (lines.isEmpty() || !lines.last().endsWith(QLatin1Char('^')))
            std::abort(); // every syntax error points at its position
        return 0;
    }
    for (const auto &pipeline : script->statements)
        for (const auto &command : pipeline.commands)
            for (const auto &element : command.elements)
                if (element.valueKind == scr::ems::Element::ValueKind::ScriptBlock) {
                    auto condition = scr::ems::parseCondition(text, element.text, element.position);
                    if (condition)
                        (void)condition->evaluate(
                            [](const QString &) { return std::optional<QVariant>(QStringLiteral("x")); });
                }
    return 0;
}
