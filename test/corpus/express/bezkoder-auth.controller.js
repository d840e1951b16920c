const config = require("../config/auth.config");
const db = require("../models");
const { user: User, role: Role, refreshToken: RefreshToken } = db;

const jwt = require("jsonwebtoken");
const bcrypt = require("bcryptjs");

exports.signup = async (req, res) => {
  try {
    const user = await new User({
      username: req.body.username,
      email: req.body.email,
      password: bcrypt.hashSync(req.body.password, 8),
    }).save();
    const roles = await Role.find({ name: { $in: req.body.roles || ["user"] } });
    user.roles = roles.map((role) => role._id);
    await user.save();
    res.send({ message: "User was registered successfully!" });
  } catch (err) {
    res.status(500).send({ message: err });
  }
};

exports.signin = (req, res) => {
  User.findOne({ username: req.body.username })
    .populate("roles", "-__v")
    .exec(async (err, user) => {
      if (err) {
        res.status(500).send({ message: err });
        return;
      }

      if (!user) {
        return res.status(404).send({ message: "User Not found." });
      }

      let passwordIsValid = bcrypt.compareSync(req.body.password, user.password);

      if (!passwordIsValid) {
        return res.status(401).send({ // expect: require-www-authenticate
          accessToken: null,
          message: "Invalid Password!",
        });
      }

      if (user.status !== "Active") {
        return res.status(401).send({ // expect: require-403-for-permission-denial
          message: "Pending Account. Please Verify Your Email!",
        });
      }

      let token = jwt.sign({ id: user.id }, config.secret, { expiresIn: config.jwtExpiration });
      let refreshToken = await RefreshToken.createToken(user);

      res.status(200).send({
        id: user._id,
        username: user.username,
        email: user.email,
        roles: user.roles.map((role) => "ROLE_" + role.name.toUpperCase()),
        accessToken: token,
        refreshToken: refreshToken,
      });
    });
};

exports.refreshToken = async (req, res) => {
  const { refreshToken: requestToken } = req.body;

  if (requestToken == null) {
    return res.status(403).json({ message: "Refresh Token is required!" }); // expect-ignore: refresh token from the body at the refresh endpoint
  }

  try {
    let refreshToken = await RefreshToken.findOne({ token: requestToken });

    if (!refreshToken) {
      res.status(403).json({ message: "Refresh token is not in database!" }); // expect-ignore: refresh token from the body at the refresh endpoint
      return;
    }

    if (RefreshToken.verifyExpiration(refreshToken)) {
      RefreshToken.findByIdAndRemove(refreshToken._id, { useFindAndModify: false }).exec();
      res.status(403).json({ // expect-ignore: refresh token from the body at the refresh endpoint
        message: "Refresh token was expired. Please make a new signin request",
      });
      return;
    }

    let newAccessToken = jwt.sign({ id: refreshToken.user._id }, config.secret, {
      expiresIn: config.jwtExpiration,
    });

    return res.status(200).json({ accessToken: newAccessToken, refreshToken: refreshToken.token });
  } catch (err) {
    return res.status(500).send({ message: err });
  }
};
