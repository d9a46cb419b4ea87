pub mod check_in;
pub mod convert;
pub mod generate;
pub mod init;
pub mod score;
pub mod tree;
pub mod validate;
