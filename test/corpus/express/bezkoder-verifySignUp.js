const db = require("../models");
const ROLES = db.ROLES;
const User = db.user;

checkDuplicateUsernameOrEmail = async (req, res, next) => {
  try {
    let user = await User.findOne({ username: req.body.username });
    if (user) {
      return res.status(400).send({ message: "Failed! Username is already in use!" });
    }

    user = await User.findOne({ email: req.body.email });
    if (user) {
      return res.status(409).send({ message: "Failed! Email is already in use!" });
    }

    next();
  } catch (error) {
    return res.status(500).send({ message: "Unable to validate Username!" });
  }
};

checkRolesExisted = (req, res, next) => {
  if (req.body.roles) {
    for (let i = 0; i < req.body.roles.length; i++) {
      if (!ROLES.includes(req.body.roles[i])) {
        res.status(400).send({
          message: `Failed! Role ${req.body.roles[i]} does not exist!`
        });
        return;
      }
    }
  }

  next();
};

checkPasswordStrength = (req, res, next) => {
  const password = req.body.password || "";
  if (password.length < 8) {
    return res.status(422).send({ message: "Password must have at least 8 characters" });
  }
  next();
};

module.exports = { checkDuplicateUsernameOrEmail, checkRolesExisted, checkPasswordStrength };
