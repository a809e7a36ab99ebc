#pragma once
// Result<T>: a value or an Error (a small std::expected for C++20). Public engine and model calls return it.

#include "error.h"

#include <cassert>
#include <optional>
#include <utility>
#include <variant>

namespace scr {

template <typename T> class [[nodiscard]] Result
{
public:
    Result(const T &value) : m_value(value) {}
    Result(T &&value) : m_value(std::move(value)) {}
    Result(const Error &error) : m_value(error) {}
    Result(Error &&error) : m_value(std::move(error)) {}

    bool hasValue() const { return m_value.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    T &value() &
    {
        assert(hasValue());
        return std::get<0>(m_value);
    }
    const T &value() const &
    {
        assert(hasValue());
        return std::get<0>(m_value);
    }
    T &&value() &&
    {
        assert(hasValue());
        return std::get<0>(std::move(m_value));
    }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const
    {
        assert(!hasValue());
        return std::get<1>(m_value);
    }

private:
    std::variant<T, Error> m_value;
};

template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(const Error &error) : m_error(error) {}
    Result(Error &&error) : m_error(std::move(error)) {}

    bool hasValue() const { return !m_error.has_value(); }
    explicit operator bool() const { return hasValue(); }
    const Error &error() const
    {
        assert(m_error);
        return *m_error;
    }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace scr

// Early return of the error of a Result-returning expression.
#define SCR_TRY(expr)                                                                                        \
    do {                                                                                                     \
        auto scrTryResult_ = (expr);                                                                         \
        if (!scrTryResult_)                                                                                  \
            return scrTryResult_.error();                                                                    \
    } while (false)
