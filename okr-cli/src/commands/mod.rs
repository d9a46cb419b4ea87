pub mod check_in;
pub mod convert;
pub mod init;
pub mod score;
pub mod validate;
