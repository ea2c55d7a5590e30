// PII and secret scanners: each kind found, and quiet on ordinary prose and numbers.
#include <gtest/gtest.h>

#include "core/dataset/pii_scanner.h"

namespace tb {
namespace {

std::vector<std::string> kinds(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& match : find_pii(text)) out.push_back(match.kind);
    return out;
}

std::string matched(std::string_view text) {
    const auto found = find_pii(text);
    return found.empty() ? "" : std::string(text.substr(found[0].offset, found[0].length));
}

using Kinds = std::vector<std::string>;

TEST(PiiScanner, Emails) {
    EXPECT_EQ(matched("Write to jane.doe+tag@mail.co.uk today."), "jane.doe+tag@mail.co.uk");
    EXPECT_EQ(kinds("contact: bob@company.io"), Kinds{"email address"});
    // Reserved example domains are placeholders, not PII.
    EXPECT_TRUE(kinds("e.g. user@example.com or admin@test.example.org or a@b.test or me@yourdomain.com").empty());
    EXPECT_TRUE(kinds("the @decorator syntax, npm i @scope/pkg, a@b").empty());
}

TEST(PiiScanner, PhoneNumbers) {
    EXPECT_EQ(matched("Call (415) 867-2671 now"), "(415) 867-2671");
    EXPECT_EQ(matched("Call 415-867-2671."), "415-867-2671");
    EXPECT_EQ(matched("Call +1 415 867 2671."), "+1 415 867 2671");
    EXPECT_EQ(matched("London: +44 20 7946 0958"), "+44 20 7946 0958");
    EXPECT_EQ(kinds("or 415.867.2671"), Kinds{"phone number"});
    EXPECT_TRUE(kinds("Call (555) 123-4567 or 212-555-0100 (fictional numbers)").empty());
}

TEST(PiiScanner, CreditCardsNeedLuhn) {
    EXPECT_TRUE(luhn_valid("4111 1111 1111 1111"));
    EXPECT_FALSE(luhn_valid("4111 1111 1111 1112"));
    EXPECT_EQ(matched("card 4111 1111 1111 1111 exp 12/29"), "4111 1111 1111 1111");
    EXPECT_EQ(kinds("card 4111-1111-1111-1111"), Kinds{"credit card number"});
    EXPECT_EQ(kinds("amex 378282246310005"), Kinds{"credit card number"});
    EXPECT_TRUE(kinds("card 4111 1111 1111 1112").empty());  // fails Luhn
}

TEST(PiiScanner, PublicIpv4Only) {
    EXPECT_EQ(matched("server at 8.8.41.4:53"), "8.8.41.4");
    EXPECT_EQ(kinds("from 81.2.69.160"), Kinds{"IPv4 address"});
    EXPECT_TRUE(kinds("localhost 127.0.0.1, router 192.168.1.1, 10.0.0.7, 172.20.3.4, doc 203.0.113.5").empty());
    EXPECT_TRUE(kinds("version v1.2.3.4 and 1.2.3.4.5 and 300.1.1.1").empty());
}

TEST(PiiScanner, ApiKeysAndSecrets) {
    EXPECT_EQ(kinds("aws_access_key_id AKIAIOSFODNN7EXAMPLE"), Kinds{"AWS access key"});
    EXPECT_EQ(kinds("OPENAI sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8t"), Kinds{"OpenAI API key"});
    EXPECT_EQ(kinds("token ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"), Kinds{"GitHub token"});
    EXPECT_EQ(kinds("slack xoxb-123456789012-abcdefghij"), Kinds{"Slack token"});
    EXPECT_EQ(kinds("-----BEGIN RSA PRIVATE KEY-----\nMIIE..."), Kinds{"private key"});
    EXPECT_EQ(kinds("-----BEGIN OPENSSH PRIVATE KEY-----"), Kinds{"private key"});
    EXPECT_EQ(matched("config: api_key = \"9fQ2xLr7Kp1mZ8vWc3Tn\""), "9fQ2xLr7Kp1mZ8vWc3Tn");
    EXPECT_EQ(kinds("{\"client_secret\": \"a8F3kq92LmZx0PqR7tYv\"}"), Kinds{"secret"});
    // Placeholders and low-entropy values are not secrets.
    EXPECT_TRUE(kinds("api_key = \"YOUR_API_KEY_HERE\"").empty());
    EXPECT_TRUE(kinds("password: aaaaaaaaaaaaaaaa1").empty());
    EXPECT_TRUE(kinds("token: the smallest unit of text").empty());
}

TEST(PiiScanner, QuietOnOrdinaryProseAndNumbers) {
    const char* texts[] = {
        "In 2023-10-12 the population was 8,045,311,447 people and GDP grew 3.5% to $25,462,700,000,000.",
        "Compute 123456789 * 987654321 = 121932631112635269, then add 1234567890123.",
        "The ISBN is 978-3-16-148410-0 and the order number 2024-0001-7734.",
        "Python 3.11.4 released; numpy 1.26.0; see section 4.2.1.3 of the spec.",
        "Meet at 10:30, room 12B. The ratio is 16:9 and the score was 3-2.",
        "Pi is 3.14159265358979323846 and e is 2.71828182845904523536.",
        "Our key insight: tokens are the basic unit; secrets of success include patience.",
        "Use 1-800-FLOWERS or dial the extension 4521.",
        "Latitude 40.712776, longitude -74.005974.",
    };
    for (const char* text : texts) EXPECT_TRUE(kinds(text).empty()) << text << " -> " << kinds(text).front();
}

TEST(PiiScanner, MaskKeepsShapeOnly) {
    EXPECT_EQ(mask_pii("jane.doe@mail.com"), "j*.d*@m*.c*");
    EXPECT_EQ(mask_pii("4111 1111 1111 1111"), "4* 1* 1* 1*");
    EXPECT_NEAR(shannon_entropy("aaaa"), 0.0, 1e-12);
    EXPECT_NEAR(shannon_entropy("abcd"), 2.0, 1e-12);
}

}  // namespace
}  // namespace tb
