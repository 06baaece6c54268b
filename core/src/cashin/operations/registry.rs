//! Product and customer registry operations.

use super::client_methods;
use crate::cashin::*;

client_methods! {
    /// "List all products".
    fn list_products(page: PageRequest) -> Page<OnlineProduct>;

    /// "Submit new products" (an existing product code is rejected per item).
    fn submit_products(items: &SalesItems) -> SalesItemResponse;

    /// "Delete an product".
    fn delete_product(product_code: &str) -> SalesItemResponse;

    /// "List all customers".
    fn list_customers(page: PageRequest) -> Page<OnlineCustomer>;

    /// "Submit new customers" (an existing customer code is rejected per item).
    fn submit_customers(customers: &OnlineCustomers) -> OnlineCustomerResponse;

    /// "Update an customer": only the members present are sent.
    fn update_customer(customer_code: &str, update: &OnlineCustomer) -> OnlineCustomerUpdateResponse;

    /// "Delete an customer".
    fn delete_customer(customer_code: &str) -> OnlineCustomerUpdateResponse;
}
