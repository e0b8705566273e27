package com.shisha.core;

/** The financial products GroMo partners sell, in the order the onboarding menu lists them. */
public enum Product {
    LOANS,
    CREDIT_CARDS,
    INSURANCE,
    SAVINGS_ACCOUNTS,
    DEMAT;

    /**
     * Whether a partner can sell it to someone in another city, over the phone and the GroMo app: cards, insurance,
     * savings accounts and demat accounts are applied for online with video or Aadhaar e-KYC. Loans are not: the
     * lender verifies documents and often visits, and gold and vehicle loans need the gold or the dealer, so a loan
     * lead is only worth a partner who can reach the customer.
     */
    public boolean sellsRemotely() {
        return this != LOANS;
    }
}
