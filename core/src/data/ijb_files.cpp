// Readers of IJB-B/C's native meta files (facebench/ijb_protocol.h). Whole files are read at
// once (the 15.6 million line pair list of IJB-C in about a second) and parsed with
// std::from_chars; counts are bounded before anything grows with them.
#include "facebench/errors.h"
#include "facebench/ijb_protocol.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <memory>
#include <unordered_map>

namespace fb {

namespace {

// Files above this are refused before reading: IJB-C's largest meta file is ~250 MB.
constexpr long long kMaxFileBytes = 4LL << 30;

std::string readFile(const std::string& path) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                         &std::fclose);
    if (!file)
        throw InputError(SourceLocation{path}, "", "cannot open the IJB meta file");
    std::fseek(file.get(), 0, SEEK_END);
    const long long size = std::ftell(file.get());
    std::rewind(file.get());
    if (size < 0 || size > kMaxFileBytes)
        throw InputError(SourceLocation{path}, "", "not a readable IJB meta file of at most 4 GiB");
    std::string content(static_cast<std::size_t>(size), '\0');
    if (size > 0 && std::fread(content.data(), 1, content.size(), file.get()) != content.size())
        throw InputError(SourceLocation{path}, "", "cannot read the IJB meta file");
    return content;
}

// Splits a file into lines and lines into fields (spaces, tabs or commas), counting lines.
class Lines {
public:
    Lines(const std::string& path, char separator)
        : m_path(path), m_text(readFile(path)), m_separator(separator) {}

    // The next non-blank line's fields; false at the end.
    bool next(std::vector<std::string_view>& fields) {
        while (m_pos < m_text.size()) {
            std::size_t end = m_text.find('\n', m_pos);
            if (end == std::string::npos)
                end = m_text.size();
            std::string_view line(m_text.data() + m_pos, end - m_pos);
            m_pos = end + 1;
            ++m_line;
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            fields.clear();
            if (m_separator == ',') { // CSV: every field, empty ones too
                for (std::size_t start = 0;;) {
                    const std::size_t comma = line.find(',', start);
                    const std::size_t stop = comma == std::string_view::npos ? line.size() : comma;
                    fields.push_back(line.substr(start, stop - start));
                    if (comma == std::string_view::npos)
                        break;
                    start = comma + 1;
                }
                if (fields.size() == 1 && fields[0].empty())
                    fields.clear();
            } else { // fields between runs of spaces and tabs
                for (std::size_t i = 0; i < line.size();) {
                    if (line[i] == ' ' || line[i] == '\t') {
                        ++i;
                        continue;
                    }
                    std::size_t j = i;
                    while (j < line.size() && line[j] != ' ' && line[j] != '\t')
                        ++j;
                    fields.push_back(line.substr(i, j - i));
                    i = j;
                }
            }
            if (fields.empty())
                continue;
            if (++m_rows > kIjbMaxRows)
                fail("more than " + std::to_string(kIjbMaxRows) + " rows");
            return true;
        }
        return false;
    }

    [[noreturn]] void fail(const std::string& problem, const std::string& key = "") const {
        throw InputError(SourceLocation{m_path, m_line}, key, problem);
    }

    std::int32_t integer(std::string_view text, const char* what) const {
        std::int32_t v = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (ec != std::errc() || end != text.data() + text.size())
            fail("'" + std::string(text) + "' is not a " + what + " (a 32-bit integer)", what);
        return v;
    }

    float real(std::string_view text, const char* what) const {
        double v = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v))
            fail("'" + std::string(text) + "' is not a finite " + what, what);
        return static_cast<float>(v);
    }

    void expect(const std::vector<std::string_view>& fields, std::size_t count,
                const char* layout) const {
        if (fields.size() != count)
            fail("expected " + std::to_string(count) + " fields (" + layout + "), found " +
                 std::to_string(fields.size()));
    }

    const std::string& path() const { return m_path; }

private:
    std::string m_path;
    std::string m_text;
    char m_separator;
    std::size_t m_pos = 0;
    int m_line = 0;
    std::size_t m_rows = 0;
};

} // namespace

IjbImages readIjbFaceList(const std::string& path) {
    Lines lines(path, ' ');
    IjbImages out;
    std::vector<std::string_view> f;
    while (lines.next(f)) {
        lines.expect(f, 3, "image template_id media_id");
        out.names.emplace_back(f[0]);
        out.templateId.push_back(lines.integer(f[1], "template id"));
        out.mediaId.push_back(lines.integer(f[2], "media id"));
    }
    if (out.names.empty())
        throw InputError(SourceLocation{path}, "", "no images listed");
    return out;
}

IjbPairs readIjbTemplatePairs(const std::string& path) {
    Lines lines(path, ' ');
    IjbPairs out;
    std::vector<std::string_view> f;
    while (lines.next(f)) {
        lines.expect(f, 3, "template1 template2 label");
        out.template1.push_back(lines.integer(f[0], "template id"));
        out.template2.push_back(lines.integer(f[1], "template id"));
        if (f[2] != "0" && f[2] != "1")
            lines.fail("label '" + std::string(f[2]) + "' is not 0 (impostor) or 1 (genuine)",
                       "label");
        out.same.push_back(f[2] == "1");
    }
    if (out.same.empty())
        throw InputError(SourceLocation{path}, "", "no template pairs listed");
    return out;
}

std::vector<float> readIjbFaceScores(const std::string& path,
                                     const std::vector<std::string>& names) {
    Lines lines(path, ' ');
    std::unordered_map<std::string_view, float> byName;
    std::vector<std::string_view> f;
    while (lines.next(f)) {
        if (f.size() < 2)
            lines.fail("expected the image name and, last, its face score");
        byName[f[0]] = lines.real(f.back(), "face score");
    }
    std::vector<float> scores;
    scores.reserve(names.size());
    for (const std::string& name : names) {
        const auto it = byName.find(name);
        if (it == byName.end())
            throw InputError(SourceLocation{path}, "", "no face score for image '" + name + "'");
        scores.push_back(it->second);
    }
    return scores;
}

IjbTemplateSubjects readIjbTemplateSubjects(const std::string& csvPath) {
    Lines lines(csvPath, ',');
    std::vector<std::string_view> f;
    if (!lines.next(f))
        throw InputError(SourceLocation{csvPath}, "", "empty 1:N list");
    int templateColumn = -1, subjectColumn = -1;
    for (std::size_t i = 0; i < f.size(); ++i) {
        if (f[i] == "TEMPLATE_ID")
            templateColumn = int(i);
        else if (f[i] == "SUBJECT_ID")
            subjectColumn = int(i);
    }
    if (templateColumn < 0 || subjectColumn < 0)
        lines.fail("the header names no TEMPLATE_ID and SUBJECT_ID columns", "TEMPLATE_ID");
    const std::size_t needed = std::size_t(std::max(templateColumn, subjectColumn)) + 1;
    IjbTemplateSubjects out;
    std::unordered_map<std::int32_t, std::int32_t> subjectOf;
    while (lines.next(f)) {
        if (f.size() < needed)
            lines.fail("the line has too few columns (expected at least " + std::to_string(needed) +
                       ")");
        const std::int32_t t = lines.integer(f[std::size_t(templateColumn)], "template id");
        const std::int32_t s = lines.integer(f[std::size_t(subjectColumn)], "subject id");
        const auto [it, added] = subjectOf.emplace(t, s);
        if (added) {
            out.templateId.push_back(t);
            out.subjectId.push_back(s);
        } else if (it->second != s) {
            lines.fail("template " + std::to_string(t) + " listed with subjects " +
                           std::to_string(it->second) + " and " + std::to_string(s),
                       "SUBJECT_ID");
        }
    }
    if (out.templateId.empty())
        throw InputError(SourceLocation{csvPath}, "", "no templates listed");
    return out;
}

} // namespace fb
