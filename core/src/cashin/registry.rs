//! Product and customer registries (members Inferred; see `docs/cashin-wire.md`).

use rust_decimal::Decimal;

use crate::model::model;

model! {
    /// A product of the seller's registry (`OnlineProduct`).
    pub struct OnlineProduct {
        /// The product code (its key).
        "ProductCode" => product_code: String,
        /// Name.
        "Name" => name: String,
        /// Description.
        "Description" => description: String,
        /// Unit price without VAT.
        "UnitPrice" => unit_price: Decimal,
        /// VAT percent.
        "VatPercent" => vat_percent: Decimal,
        /// Unit (e.g. `kpl`).
        "Unit" => unit: String,
        /// EAN code.
        "EanCode" => ean_code: String,
    }
}

/// The body of "Submit new products" (`SalesItems`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SalesItems {
    /// The products.
    pub products: Vec<OnlineProduct>,
}

model! {
    /// The answer to submitting or deleting products (`SalesItemResponse`).
    pub struct SalesItemResponse {
        /// Human-readable status.
        "StatusDescription" => status_description: String,
        /// How many items.
        "QtyOfItems" => qty_of_items: u64,
        /// One result per item.
        "Items" => items: Vec<RegistryItemResult>,
    }
}

model! {
    /// What happened to one product or customer of a request.
    pub struct RegistryItemResult {
        /// The product or customer code.
        "Code" => code: String,
        /// `Created`, `Rejected`, `Deleted`, ...
        "Status" => status: String,
        /// Why it was rejected.
        "Message" => message: String,
    }
}

model! {
    /// A contact person (`ContactPerson`).
    pub struct ContactPerson {
        /// Name.
        "Name" => name: String,
        /// E-mail address.
        "Email" => email: String,
        /// Phone number.
        "Phone" => phone: String,
        /// Role.
        "Role" => role: String,
    }
}

model! {
    /// A customer of the seller's registry (`OnlineCustomer`).
    pub struct OnlineCustomer {
        /// The customer code (its key).
        "CustomerCode" => customer_code: String,
        /// Name.
        "Name" => name: String,
        /// Second name line.
        "Name2" => name2: String,
        /// Y-tunnus.
        "BusinessId" => business_id: String,
        /// VAT number.
        "VatNumber" => vat_number: String,
        /// Street address.
        "StreetAddress" => street_address: String,
        /// Postal code.
        "PostalCode" => postal_code: String,
        /// City.
        "City" => city: String,
        /// Country.
        "Country" => country: String,
        /// E-mail address.
        "Email" => email: String,
        /// Phone number.
        "Phone" => phone: String,
        /// Language.
        "LanguageCode" => language_code: String,
        /// Default delivery method code.
        "DeliveryType" => delivery_type: String,
        /// E-invoice address.
        "FinvoiceAddress" => finvoice_address: String,
        /// E-invoice intermediator.
        "FinvoiceIntermediator" => finvoice_intermediator: String,
        /// Contact person.
        "ContactPerson" => contact_person: ContactPerson,
    }
}

/// The body of "Submit new customers".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OnlineCustomers {
    /// The customers.
    pub customers: Vec<OnlineCustomer>,
}

model! {
    /// The answer to submitting customers (`OnlineCustomerResponse`).
    pub struct OnlineCustomerResponse {
        /// Human-readable status.
        "StatusDescription" => status_description: String,
        /// How many customers.
        "QtyOfCustomers" => qty_of_customers: u64,
        /// One result per customer.
        "Items" => items: Vec<RegistryItemResult>,
    }
}

model! {
    /// The answer to updating or deleting a customer (`OnlineCustomerUpdateResponse`).
    pub struct OnlineCustomerUpdateResponse {
        /// The customer.
        "CustomerCode" => customer_code: String,
        /// `Updated` or `Deleted`.
        "StatusDescription" => status_description: String,
        /// The members that changed.
        "UpdatedFields" => updated_fields: Vec<String>,
    }
}

crate::model::list_wrapper!(SalesItems { "Products" => products: Vec<OnlineProduct> });
crate::model::list_wrapper!(OnlineCustomers { "Customers" => customers: Vec<OnlineCustomer> });
